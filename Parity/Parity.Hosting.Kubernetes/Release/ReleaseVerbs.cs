using System.CommandLine;
using k8s.Models;
using Parity.Hosting.ApplicationModel;
using Parity.Hosting.Publishing;
using Parity.Hosting.Verbs;

namespace Parity.Hosting.Kubernetes;

/// <summary>
/// The AppHost's <c>promote RESOURCE --overlay ENV [--dry-run] [--from STATE]</c> and <c>rollback ...</c> verbs: move a
/// blue/green or canary release (see <see cref="ReleasePlan"/>) with <c>kubectl patch</c>, printing each command and its
/// patch. The current state (live colour, canary weight) comes from <c>--from</c> when given; else from the cluster,
/// or with <c>--dry-run</c> from the overlay as published, so a dry run needs no cluster.
/// </summary>
public static class ReleaseVerbs
{
    internal static AppHostVerb CreatePromoteVerb() => Create(ReleaseDirection.Promote,
        "Moves a blue/green or canary release forward: switches to the idle colour, or steps the canary's weight");

    internal static AppHostVerb CreateRollbackVerb() => Create(ReleaseDirection.Rollback,
        "Moves a blue/green or canary release back: switches to the other colour, or takes the canary out");

    private static AppHostVerb Create(ReleaseDirection direction, string description)
    {
        var resource = new Argument<string>("resource") { Description = "The project published blue/green or canary" };
        var overlay = OverlayLocation.OverlayOption();
        var output = OverlayLocation.OutputOption();
        var kubeContext = new Option<string?>("--context") { Description = "The kubectl context; the current one by default" };
        var dryRun = new Option<bool>("--dry-run") { Description = "Print the commands and their patches; run nothing (the state comes from --from or the overlay)" };
        var from = new Option<string?>("--from") { Description = "The current state instead of the cluster's: the live colour (blue, green) or the canary's weight (0-100)" };
        return new AppHostVerb(direction.ToString().ToLowerInvariant(), description, context =>
        {
            var parsed = context.ParseResult;
            return PreconditionFailedException.ExitCodeOf(() =>
            {
                var dry = parsed.GetValue(dryRun);
                var plan = Plan(context.Model, direction, parsed.GetValue(resource)!, OverlayLocation.Of(context, overlay, output).Directory,
                    dry, parsed.GetValue(from), parsed.GetValue(kubeContext));
                return Run(plan, dry);
            });
        })
        {
            resource,
            overlay,
            output,
            kubeContext,
            dryRun,
            from,
        };
    }

    /// <summary>
    /// What <paramref name="direction"/> does next for the project named <paramref name="resourceName"/> in the overlay at
    /// <paramref name="overlayDirectory"/>. The current state is <paramref name="from"/> when given; else, for a dry run,
    /// the overlay's as published (blue live, the first canary weight), and otherwise the cluster's, read with kubectl.
    /// </summary>
    public static ReleasePlan Plan(
        DistributedApplicationModel model, ReleaseDirection direction, string resourceName, string overlayDirectory, bool dryRun,
        string? from = null, string? kubeContext = null)
    {
        var project = ProjectWithStrategy(model, resourceName);
        var strategy = project.DeploymentStrategyOf();
        var overlayName = Path.GetFileName(Path.TrimEndingDirectorySeparator(overlayDirectory));
        var overlay = RenderedOverlay.Render(overlayDirectory).Objects;
        var target = ReleasePlan.Target.Of(project, overlay, kubeContext)
            ?? throw Stale(project, overlayName, $"no Deployment {string.Join(" or ", StrategyObjects.DeploymentNames(project))}");
        if (strategy is BlueGreenStrategy)
        {
            // The switch is the Service's selector: a project without endpoints has no Service to switch.
            var service = overlay.OfType<V1Service>().FirstOrDefault(s => s.Metadata.Name == project.Name && s.Spec.Selector?.ContainsKey(DeploymentStrategy.ColorLabel) == true)
                ?? throw Stale(project, overlayName, $"no Service {project.Name} selecting a colour");
            var live = new LiveColor(from is not null ? LiveState.Color(from)
                : dryRun ? PublishedColor(service)
                : LiveState.Color(Read(target, LiveState.ColorQuery(target), "the live colour")));
            return direction == ReleaseDirection.Promote ? ReleasePlan.PromoteBlueGreen(target, live) : ReleasePlan.RollbackBlueGreen(target, live);
        }
        var weight = CanaryState(project, overlayName, overlay, target, dryRun, from);
        return direction == ReleaseDirection.Promote ? ReleasePlan.PromoteCanary(target, (CanaryStrategy)strategy, weight) : ReleasePlan.RollbackCanary(target, weight);
    }

    /// <summary>Prints the plan; unless a dry run, runs each command in turn and stops at the first that fails.</summary>
    private static int Run(ReleasePlan plan, bool dryRun)
    {
        Console.WriteLine(plan.Summary);
        foreach (var command in plan.Commands)
        {
            if (dryRun)
            {
                Console.WriteLine(ReleasePlan.Shell(command));
                continue;
            }
            Console.WriteLine($"> {ReleasePlan.Shell(command)}");
            var exitCode = command.RunAttached();
            if (exitCode != 0)
            {
                Console.Error.WriteLine($"Stopped: '{ReleasePlan.Shell(command)}' exited with code {exitCode}; nothing after it ran.");
                return 1;
            }
        }
        return 0;
    }

    /// <summary>The project named <paramref name="name"/>, published blue/green or canary; else an error naming the fix.</summary>
    private static ProjectResource ProjectWithStrategy(DistributedApplicationModel model, string name)
    {
        var projects = model.Resources.OfType<ProjectResource>().Where(p => !p.IsExcludedFromManifest()).ToList();
        var project = projects.FirstOrDefault(p => string.Equals(p.Name, name, StringComparison.Ordinal))
            ?? throw new PreconditionFailedException(
                $"There is no project '{name}' in the AppHost. Give one published blue/green or canary: " +
                $"{string.Join(", ", projects.Where(p => p.DeploymentStrategyOf() is not RollingStrategy).Select(p => p.Name).DefaultIfEmpty("(none yet)"))}.");
        return project.DeploymentStrategyOf() is RollingStrategy
            ? throw new PreconditionFailedException(
                $"'{name}' is published with the rolling strategy, which has nothing to promote or roll back. In the AppHost, add " +
                $".PublishWithStrategy(DeploymentStrategy.BlueGreen()) or .PublishWithStrategy(DeploymentStrategy.Canary()) to '{name}', then publish and deploy.")
            : project;
    }

    private static CanaryWeight CanaryState(
        ProjectResource project, string overlayName, IList<object> overlay, ReleasePlan.Target target, bool dryRun, string? from)
    {
        var canaryName = StrategyObjects.CanaryName(project);
        var ingress = overlay.OfType<V1Ingress>().FirstOrDefault(i => i.Metadata.Name == canaryName);
        var deployment = overlay.OfType<V1Deployment>().FirstOrDefault(d => d.Metadata.Name == canaryName)
            ?? throw Stale(project, overlayName, $"no Deployment {canaryName}");
        if (dryRun)
        {
            int? published = ingress is null ? null : LiveState.Weight(PublishedWeight(ingress));
            return new CanaryWeight(ingress is null ? null : from is not null ? LiveState.Weight(from) : published, deployment.Spec.Template.Spec.Containers[0].Image);
        }
        var image = Read(target, LiveState.ImageQuery(target, canaryName), "the canary's image");
        int? weight = ingress is null ? null : from is not null ? LiveState.Weight(from)
            : LiveState.Weight(Read(target, LiveState.WeightQuery(target), "the canary's weight"));
        return new CanaryWeight(weight, image);
    }

    private static string PublishedColor(V1Service service) => LiveState.Color(service.Spec.Selector[DeploymentStrategy.ColorLabel]);

    /// <summary>The canary Ingress's weight as published.</summary>
    internal static string PublishedWeight(V1Ingress ingress) =>
        ingress.Metadata.Annotations?.TryGetValue(StrategyObjects.CanaryWeightAnnotation, out var value) == true ? value : "";

    /// <summary>Asks the cluster through kubectl; a failure (no cluster, no object) is a precondition, with the way to go on without one.</summary>
    private static string Read(ReleasePlan.Target target, ExternalCommand query, string what) =>
        LiveState.Read(query, $"{what} of '{target.Name}'", "Check the context and that the overlay is deployed, or pass --from with the current state (--dry-run prints the commands without a cluster).")
        ?? throw new PreconditionFailedException(
            $"Nothing in the cluster gives {what} of '{target.Name}' ({ReleasePlan.Shell(query)}): deploy the overlay first, or pass --from with the current state.");

    private static PreconditionFailedException Stale(ProjectResource project, string overlayName, string missing) => new(
        $"The overlay {overlayName} has {missing} for '{project.Name}' ({project.DeploymentStrategyOf().Name}): publish again (parity publish) and deploy.");
}
