using System.Globalization;

namespace Parity.Hosting.Kubernetes;

/// <summary>
/// What the cluster runs of a blue/green or canary project, read with <c>kubectl get</c>: the colour its Service selects,
/// a Deployment's image, the canary Ingress's weight. <c>promote</c> and <c>rollback</c> start from it; <c>deploy</c> keeps it.
/// </summary>
internal static class LiveState
{
    public static ExternalCommand ColorQuery(ReleasePlan.Target target) =>
        Query(target, "service", target.Name, $"{{.spec.selector.{Escape(DeploymentStrategy.ColorLabel)}}}");

    public static ExternalCommand ImageQuery(ReleasePlan.Target target, string deployment) =>
        Query(target, "deployment", deployment, "{.spec.template.spec.containers[0].image}");

    public static ExternalCommand WeightQuery(ReleasePlan.Target target) =>
        Query(target, "ingress", StrategyObjects.CanaryName(target.Name), $"{{.metadata.annotations.{Escape(StrategyObjects.CanaryWeightAnnotation)}}}");

    /// <summary>
    /// Runs <paramref name="query"/>: the value, or null when the object (or its field) is not in the cluster. A failure
    /// (no cluster, no kubectl) is a precondition saying <paramref name="what"/> (the live colour of 'catalog') could not be
    /// read, then <paramref name="otherwise"/>: what to do about it.
    /// </summary>
    public static string? Read(ExternalCommand query, string what, string otherwise)
    {
        var (exitCode, stdout, stderr) = query.RunCaptured();
        return exitCode != 0
            ? throw new PreconditionFailedException(
                $"Cannot read {what} from the cluster ({ReleasePlan.Shell(query)}: {LastLine(stderr)}).{(otherwise.Length > 0 ? " " : "")}{otherwise}")
            : stdout.Trim() is { Length: > 0 } value ? value : null;
    }

    public static string Color(string value) => value is BlueGreenStrategy.Blue or BlueGreenStrategy.Green ? value
        : throw new PreconditionFailedException($"'{value}' is not a colour: a blue/green project's live colour is {BlueGreenStrategy.Blue} or {BlueGreenStrategy.Green}.");

    public static int Weight(string value) => int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var weight) && weight <= 100 ? weight
        : throw new PreconditionFailedException($"'{value}' is not a canary weight: give a whole percentage from 0 to 100.");

    /// <summary>Absent objects answer nothing rather than fail, so a first deploy tells "not there yet" from "no cluster".</summary>
    private static ExternalCommand Query(ReleasePlan.Target target, string kind, string name, string jsonPath) =>
        target.Kubectl("get", kind, name, "--ignore-not-found", "-o", $"jsonpath={jsonPath}");

    /// <summary>kubectl's reason, without the lines of retries before it.</summary>
    private static string LastLine(string stderr) => stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).LastOrDefault() ?? "no message";

    /// <summary>A key with dots as kubectl's JSONPath names it.</summary>
    private static string Escape(string key) => key.Replace(".", "\\.", StringComparison.Ordinal);
}
