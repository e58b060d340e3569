using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using k8s.Models;
using Parity.Hosting.ApplicationModel;

namespace Parity.Hosting.Kubernetes;

/// <summary>Where a blue/green or canary release stands: the live colour, or the canary's weight and image.</summary>
internal abstract record ReleaseState;

internal sealed record LiveColor(string Color) : ReleaseState;

/// <param name="Weight">The canary Ingress's weight in percent; null when the project has no canary Ingress.</param>
/// <param name="CanaryImage">The canary Deployment's image, which promote at 100 gives the stable Deployment.</param>
internal sealed record CanaryWeight(int? Weight, string CanaryImage) : ReleaseState;

/// <summary>What promote or rollback does next for one project, as the kubectl commands to run in order.</summary>
public sealed record ReleasePlan(string Summary, IReadOnlyList<ExternalCommand> Commands)
{
    /// <summary>The commands as the verb prints them.</summary>
    public IReadOnlyList<string> Printed => [.. Commands.Select(Shell)];

    /// <summary>The commands run against <paramref name="ns"/>, through <paramref name="context"/> when given.</summary>
    internal sealed record Target(string Name, string Namespace, string? Context)
    {
        /// <summary>The project in the namespace its Deployments have in the rendered overlay; null when the overlay has none of them.</summary>
        public static Target? Of(ProjectResource project, IEnumerable<object> renderedOverlay, string? context) =>
            renderedOverlay.OfType<V1Deployment>().FirstOrDefault(d => StrategyObjects.DeploymentNames(project).Contains(d.Metadata.Name))?.Metadata.NamespaceProperty is { } ns
                ? new Target(project.Name, ns, context)
                : null;

        public ExternalCommand Kubectl(params string[] args) =>
            new("kubectl", [.. Context is { } context ? new[] { "--context", context } : [], "-n", Namespace, .. args]);

        public ExternalCommand RolloutStatus(string deployment) => Kubectl("rollout", "status", $"deployment/{deployment}", "--timeout=10m");

        public ExternalCommand MergePatch(string kind, string name, JsonNode patch) =>
            Kubectl("patch", kind, name, "--type", "merge", "-p", patch.ToJsonString(Compact));

        public ExternalCommand JsonPatch(string kind, string name, JsonNode patch) =>
            Kubectl("patch", kind, name, "--type", "json", "-p", patch.ToJsonString(Compact));
    }

    /// <summary>The command as a POSIX shell runs it: a JSON patch in single quotes, so it reads as the JSON it is.</summary>
    public static string Shell(ExternalCommand command) =>
        string.Join(' ', new[] { command.Program }.Concat(command.Args).Select(arg =>
            arg.Length > 0 && arg.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '/' or '.' or ':' or '=' or ',' or '@')
                ? arg
                : $"'{arg.Replace("'", "'\\''", StringComparison.Ordinal)}'"));

    private static readonly JsonSerializerOptions Compact = new() { WriteIndented = false };

    /// <summary>Blue/green: check the idle colour has rolled out, then point the Service at it.</summary>
    internal static ReleasePlan PromoteBlueGreen(Target target, LiveColor live)
    {
        var idle = BlueGreenStrategy.Other(live.Color);
        return new($"{target.Name}: {live.Color} is live; promote checks {target.Name}-{idle} has rolled out and switches the Service to {idle}.",
        [
            target.RolloutStatus(StrategyObjects.ColorName(target.Name, idle)),
            SelectColor(target, idle),
        ]);
    }

    /// <summary>Blue/green: point the Service back at the other colour, which still runs the previous release.</summary>
    internal static ReleasePlan RollbackBlueGreen(Target target, LiveColor live)
    {
        var previous = BlueGreenStrategy.Other(live.Color);
        return new($"{target.Name}: {live.Color} is live; rollback switches the Service back to {previous}.", [SelectColor(target, previous)]);
    }

    /// <summary>
    /// Canary: from weight 0, scale the canary to its one pod and give it the first step; below 100, check the canary
    /// has rolled out and give it the next step; at 100, give the stable Deployment the canary's image, wait for it,
    /// and set the weight back to 0 (the canary keeps running the same image until the next release).
    /// </summary>
    internal static ReleasePlan PromoteCanary(Target target, CanaryStrategy strategy, CanaryWeight state)
    {
        var canary = StrategyObjects.CanaryName(target.Name);
        if (state.Weight is not { } weight)
        {
            return new($"{target.Name}: no canary Ingress (no external endpoint); promote gives {target.Name} the canary's image {state.CanaryImage}.",
                [SetStableImage(target, state.CanaryImage), target.RolloutStatus(target.Name)]);
        }
        if (weight >= 100)
        {
            return new($"{target.Name}: the canary takes 100%; promote gives {target.Name} the canary's image {state.CanaryImage} and sets the weight back to 0.",
                [SetStableImage(target, state.CanaryImage), target.RolloutStatus(target.Name), SetWeight(target, 0)]);
        }
        var next = strategy.Steps.First(step => step > weight);
        var commands = new List<ExternalCommand>();
        if (weight == 0)
        {
            commands.Add(ScaleCanary(target, 1));
        }
        commands.Add(target.RolloutStatus(canary));
        commands.Add(SetWeight(target, next));
        return new($"{target.Name}: the canary takes {weight}%; promote {(weight == 0 ? $"scales {canary} to one pod, " : "")}checks {canary} has rolled out and sets its weight to {next}.", commands);
    }

    /// <summary>Canary: no external traffic to the canary, and no canary pod behind the Service.</summary>
    internal static ReleasePlan RollbackCanary(Target target, CanaryWeight state)
    {
        var canary = StrategyObjects.CanaryName(target.Name);
        List<ExternalCommand> commands = state.Weight is null ? [] : [SetWeight(target, 0)];
        commands.Add(ScaleCanary(target, 0));
        return new($"{target.Name}: rollback sends no traffic to {canary} and scales it to 0.", commands);
    }

    private static ExternalCommand SelectColor(Target target, string color) =>
        target.MergePatch("service", target.Name, new JsonObject { ["spec"] = new JsonObject { ["selector"] = new JsonObject { [DeploymentStrategy.ColorLabel] = color } } });

    private static ExternalCommand SetWeight(Target target, int weight) =>
        target.MergePatch("ingress", StrategyObjects.CanaryName(target.Name), new JsonObject
        {
            ["metadata"] = new JsonObject { ["annotations"] = new JsonObject { [StrategyObjects.CanaryWeightAnnotation] = weight.ToString(CultureInfo.InvariantCulture) } },
        });

    private static ExternalCommand ScaleCanary(Target target, int replicas) =>
        target.MergePatch("deployment", StrategyObjects.CanaryName(target.Name), new JsonObject { ["spec"] = new JsonObject { ["replicas"] = replicas } });

    private static ExternalCommand SetStableImage(Target target, string image) =>
        target.JsonPatch("deployment", target.Name, new JsonArray(new JsonObject
        {
            ["op"] = "replace",
            ["path"] = "/spec/template/spec/containers/0/image",
            ["value"] = image,
        }));
}
