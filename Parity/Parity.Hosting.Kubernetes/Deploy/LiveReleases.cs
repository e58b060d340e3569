using k8s.Models;
using Parity.Hosting.ApplicationModel;

namespace Parity.Hosting.Kubernetes;

/// <summary>
/// Reads, for each blue/green and canary project of the overlay, what the cluster runs of it (<see cref="LiveState"/>),
/// as what deploy keeps (<see cref="KeptRelease"/>). Each read is printed with its answer. A project the cluster does not
/// run yet keeps nothing. A dry run that cannot read the cluster assumes the overlay's published state (blue live, the
/// published weight, the overlay's images) and says so; a deploy that cannot read it stops.
/// </summary>
public static class LiveReleases
{
    private const string Otherwise = "Check the context (--context) and the cluster; deploy --dry-run prints what would be applied without one.";

    public static IReadOnlyList<KeptRelease> Read(DistributedApplicationModel model, IList<object> renderedOverlay, string? context, bool dryRun, TextWriter log)
    {
        var kept = new List<KeptRelease>();
        foreach (var project in model.Resources.OfType<ProjectResource>().Where(p => !p.IsExcludedFromManifest() && p.DeploymentStrategyOf() is not RollingStrategy))
        {
            if (ReleasePlan.Target.Of(project, renderedOverlay, context) is not { } target)
            {
                continue;
            }
            string? Ask(ExternalCommand query, string what)
            {
                log.WriteLine($"{(dryRun ? "" : "> ")}{ReleasePlan.Shell(query)}");
                var answer = LiveState.Read(query, what, dryRun ? "" : Otherwise);
                log.WriteLine($"#   {answer ?? "(not in the cluster)"}");
                return answer;
            }
            KeptRelease release;
            try
            {
                release = Keep(project, new Source(target, renderedOverlay, Ask));
            }
            catch (PreconditionFailedException e) when (dryRun)
            {
                log.WriteLine($"# {e.Message}");
                log.WriteLine($"# Assuming the cluster runs {project.Name} as the overlay publishes it.");
                release = Keep(project, new Source(target, renderedOverlay, Ask: null));
            }
            log.WriteLine($"# {release.Summary}");
            kept.Add(release);
        }
        return kept;
    }

    private static KeptRelease Keep(ProjectResource project, Source source)
    {
        var name = project.Name;
        if (project.DeploymentStrategyOf() is BlueGreenStrategy)
        {
            if (source.PublishedColor is not { } publishedColor)
            {
                return new(name, $"{name}: no Service selects a colour; both colours take the release.", []);
            }
            return source.Color() is { } color
                ? KeptRelease.BlueGreen(name, color, source.Image(StrategyObjects.ColorName(name, color)))
                : KeptRelease.FirstDeploy(name, $"{publishedColor} live");
        }
        if (source.Image(name) is not { } stable)
        {
            return KeptRelease.FirstDeploy(name, source.PublishedWeight is { } weight ? $"the canary at {weight}%" : "the canary's one pod");
        }
        return KeptRelease.Canary(name, stable, source.Weight());
    }

    /// <summary>
    /// Where a project's state comes from: the cluster, through <paramref name="Ask"/>; or, when null, the overlay as published.
    /// </summary>
    private sealed record Source(ReleasePlan.Target Target, IList<object> RenderedOverlay, Func<ExternalCommand, string, string?>? Ask)
    {
        private V1Ingress? CanaryIngress => RenderedOverlay.OfType<V1Ingress>().FirstOrDefault(i => i.Metadata.Name == StrategyObjects.CanaryName(Target.Name));

        public string? PublishedColor =>
            RenderedOverlay.OfType<V1Service>().FirstOrDefault(s => s.Metadata.Name == Target.Name)?.Spec.Selector is { } selector
            && selector.TryGetValue(DeploymentStrategy.ColorLabel, out var color) ? color : null;

        public int? PublishedWeight => CanaryIngress is { } ingress ? LiveState.Weight(ReleaseVerbs.PublishedWeight(ingress)) : null;

        public string? Color() => Ask is null ? PublishedColor
            : Ask(LiveState.ColorQuery(Target), $"the live colour of '{Target.Name}'") is { } color ? LiveState.Color(color) : null;

        public string? Image(string deployment) => Ask is null
            ? RenderedOverlay.OfType<V1Deployment>().FirstOrDefault(d => d.Metadata.Name == deployment)?.Spec.Template.Spec.Containers[0].Image
            : Ask(LiveState.ImageQuery(Target, deployment), $"the image of {deployment}");

        /// <summary>The canary Ingress's weight; null when the overlay publishes none or the cluster has none.</summary>
        public int? Weight() => CanaryIngress is null || Ask is null ? PublishedWeight
            : Ask(LiveState.WeightQuery(Target), $"the weight of {StrategyObjects.CanaryName(Target.Name)}") is { } weight ? LiveState.Weight(weight) : null;
    }
}
