using Parity.Hosting.ApplicationModel;
using Parity.Hosting.Publishing;
using Parity.Hosting.Verbs;

namespace Parity.Hosting.Kubernetes;

/// <summary>
/// The AppHost's <c>parity [--overlay ENV] [--output DIR]</c> verb (alias <c>check</c>, as the parity CLI names it): for every project
/// (every app published from a Dockerfile, and every program Parity ships, such as the YARP host), the environment keys the local
/// orchestrator gives its process must be the keys the rendered overlay gives its container, apart from
/// <see cref="TargetSpecificKeys"/>. Exit code 0 when they are, 1 with a table of the differences, 2 when the
/// overlay cannot be rendered.
/// </summary>
public static class ParityCheck
{
    public static AppHostVerb CreateVerb()
    {
        var overlay = OverlayLocation.OverlayOption();
        var output = OverlayLocation.OutputOption();
        var verb = new AppHostVerb("parity", "Checks that the local run and an overlay give every project the same environment keys",
            context => Run(context, OverlayLocation.Of(context, overlay, output)))
        {
            overlay,
            output,
        };
        verb.Aliases.Add("check");
        return verb;
    }

    private static int Run(AppHostVerbContext context, OverlayLocation overlay)
    {
        return PreconditionFailedException.ExitCodeOf(() =>
        {
            var rendered = RenderedOverlay.Render(overlay.Directory);
            var differences = Compare(context.Model, context.DashboardRuns, rendered.EnvironmentKeysOf);
            if (differences.Count == 0)
            {
                Console.WriteLine($"Parity holds: every project's environment keys match overlay '{overlay.Name}'.");
                return 0;
            }
            Console.WriteLine($"Parity fails against overlay '{overlay.Name}' ({overlay.Directory}):");
            Console.WriteLine(Table(differences));
            return 1;
        });
    }

    /// <summary>
    /// The differences, resource by resource; <paramref name="clusterKeys"/> gives a container's keys, or null when the
    /// overlay has no container of that name (reported as one row).
    /// </summary>
    public static IReadOnlyList<EnvironmentKeyDifference> Compare(
        DistributedApplicationModel model, bool dashboardRuns, Func<string, ISet<string>?> clusterKeys)
    {
        var differences = new List<EnvironmentKeyDifference>();
        // Every process whose image is built: the projects, the Dockerfile apps and the programs Parity ships (the YARP host);
        // not those excluded from the manifest, which are not in the cluster.
        foreach (var project in model.Resources.Where(r => !r.IsExcludedFromManifest()
            && (r is ProjectResource || r.TryGetLastAnnotation<DockerfileBuildAnnotation>(out _) || r.AnnotationsOf<ToolImageAnnotation>().Any())))
        {
            var local = LocalKeys(project, model, dashboardRuns).Where(k => !TargetSpecificKeys.Contains(k)).ToHashSet(StringComparer.Ordinal);
            if (clusterKeys(project.Name) is not { } clusterAll)
            {
                differences.Add(new EnvironmentKeyDifference(project.Name, "(no container of this name in the overlay)", Local: true, Cluster: false));
                continue;
            }
            var cluster = clusterAll.Where(k => !TargetSpecificKeys.Contains(k)).ToHashSet(StringComparer.Ordinal);
            differences.AddRange(local.Union(cluster).Where(k => !(local.Contains(k) && cluster.Contains(k)))
                .Order(StringComparer.Ordinal)
                .Select(k => new EnvironmentKeyDifference(project.Name, k, local.Contains(k), cluster.Contains(k))));
        }
        return differences;
    }

    /// <summary>The keys the orchestrator gives the process: the same function and context it uses, with the dashboard's OTLP settings when it runs.</summary>
    public static IEnumerable<string> LocalKeys(IResource project, DistributedApplicationModel model, bool dashboardRuns)
    {
        // Only the keys matter here, and the dashboard is described once for both targets: its cluster form gives them.
        var otlp = dashboardRuns ? DashboardResource.ForCluster().OtlpExporter : null;
        return LaunchDescription.Of(project, model, new EnvironmentContext(EnvironmentTarget.Local, $"{project.Name}-parity", otlp)).Environment.Keys;
    }

    public static string Table(IReadOnlyList<EnvironmentKeyDifference> differences)
    {
        return TextTable.Format(["RESOURCE", "KEY", "LOCAL", "CLUSTER"],
            differences.Select(d => new[] { d.Resource, d.Key, d.Local ? "yes" : "no", d.Cluster ? "yes" : "no" }));
    }
}
