using k8s.Models;

namespace Parity.Hosting.Kubernetes;

/// <summary>
/// What <c>deploy --wait</c> runs after applying: <c>kubectl rollout status</c> for every StatefulSet and Deployment, and
/// <c>kubectl wait --for=condition=complete</c> for every Job of the rendered overlay, each with the timeout given.
/// </summary>
public static class RolloutWaits
{
    /// <summary>
    /// Backing services first, then the run-once jobs (migrations), then the services that wait for both: the first failure
    /// then names the workload at its root rather than one waiting behind it.
    /// </summary>
    public static IReadOnlyList<Wait> For(IEnumerable<object> renderedObjects, string? context, TimeSpan timeout)
    {
        var objects = renderedObjects.ToList();
        var workloads = objects.OfType<V1StatefulSet>().Select(s => ("statefulset", s.Metadata))
            .Concat(objects.OfType<V1Job>().Select(j => ("job", j.Metadata)))
            .Concat(objects.OfType<V1Deployment>().Select(d => ("deployment", d.Metadata)));
        var deadline = $"--timeout={Duration.ForKubectl(timeout)}";
        return [.. workloads.Select(w =>
        {
            var workload = $"{w.Item1}/{w.Metadata.Name}";
            List<string> scope = w.Metadata.NamespaceProperty is { } ns ? ["-n", ns] : [];
            var args = w.Item1 == "job"
                ? (List<string>)["wait", "--for=condition=complete", workload, .. scope, deadline]
                : ["rollout", "status", workload, .. scope, deadline];
            return new Wait(workload, w.Metadata.NamespaceProperty, ExternalCommand.Kubectl(context, args));
        })];
    }

    /// <summary>Runs the waits in order; on the first that fails, says which workload and returns false.</summary>
    public static bool RunAll(IEnumerable<Wait> waits, TimeSpan timeout)
    {
        foreach (var wait in waits)
        {
            Console.WriteLine($"> {wait.Command}");
            var exitCode = wait.Command.RunAttached();
            if (exitCode != 0)
            {
                Console.Error.WriteLine(
                    $"{wait.Workload}{(wait.Namespace is null ? "" : $" in {wait.Namespace}")} did not " +
                    $"{(wait.Workload.StartsWith("job/", StringComparison.Ordinal) ? "complete" : "roll out")} within {Duration.ForKubectl(timeout)} " +
                    $"(kubectl exited with code {exitCode}).");
                return false;
            }
        }
        return true;
    }

    /// <param name="Workload">kind/name, as kubectl names it: <c>deployment/orders</c>.</param>
    public sealed record Wait(string Workload, string? Namespace, ExternalCommand Command);
}
