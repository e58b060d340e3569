using System.Diagnostics;
using Parity.Hosting;
using Parity.Hosting.Orchestration;

namespace EndToEnd.Tests;

/// <summary>SIGKILLs one process of a running resource, as a crash would, and waits for the engine to bring it back.</summary>
internal sealed class ReplicaKiller(DistributedApplication app)
{
    private readonly Dictionary<string, int> _kills = [];
    private readonly HashSet<int> _killedPids = [];

    public IReadOnlyDictionary<string, int> Kills => _kills;

    public int Total => _kills.Values.Sum();

    /// <summary>Kills a replica once every replica of the resource is healthy, taking each replica in turn.</summary>
    public async Task KillOneAsync(string resource, CancellationToken cancellationToken)
    {
        var snapshot = await WaitUntilEveryReplicaIsReadyAsync(resource, cancellationToken);
        var replicas = snapshot.Replicas!;
        var turn = _kills.GetValueOrDefault(resource);
        var pid = replicas[turn % replicas.Count].Pid!.Value;
        Process.GetProcessById(pid).Kill();
        _killedPids.Add(pid);
        _kills[resource] = turn + 1;
    }

    /// <summary>Ready, every replica healthy (or running, without a health check), each with a process not killed yet.</summary>
    public Task<ResourceSnapshot> WaitUntilEveryReplicaIsReadyAsync(string resource, CancellationToken cancellationToken) =>
        app.ResourceNotifications.WaitForResourceAsync(
            resource,
            snapshot => snapshot.IsReady && snapshot.Replicas is { Count: > 0 } replicas && replicas.All(replica =>
                replica.Pid is { } pid && !_killedPids.Contains(pid)
                && (replica.State == ResourceState.Healthy || (replica.State == ResourceState.Running && !snapshot.HasHealthCheck))),
            cancellationToken);
}
