using k8s.Models;

namespace Parity.Hosting.Kubernetes;

/// <summary>
/// The run-once Jobs (the migrations) run again with every release. A Job's pod template cannot change, and a Job that has
/// completed never runs again, so applying over one fails or does nothing: deploy deletes the overlay's Jobs right before
/// applying it, which creates them anew, as Helm's <c>before-hook-creation</c> policy does. The delete cascades in the
/// foreground and kubectl waits until the Jobs are gone, their pods with them: the init containers of the new pods, and
/// <c>--wait</c>, then find only the new release's Job. Names stay fixed, so those init containers need no change.
/// </summary>
internal static class RunOnceJobs
{
    /// <summary>One <c>kubectl delete</c> per namespace naming its Jobs; absent ones (a first deploy) are no error.</summary>
    public static IReadOnlyList<ExternalCommand> Deletions(IEnumerable<object> renderedObjects, string? context) =>
        [.. renderedObjects.OfType<V1Job>().GroupBy(j => j.Metadata.NamespaceProperty).Select(jobs => ExternalCommand.Kubectl(context,
        [
            "delete", .. jobs.Select(j => $"job/{j.Metadata.Name}"), .. jobs.Key is { } ns ? ["-n", ns] : (string[])[],
            "--ignore-not-found", "--cascade=foreground",
        ]))];
}
