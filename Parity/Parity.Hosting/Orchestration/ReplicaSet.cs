using Parity.Hosting.ApplicationModel;

namespace Parity.Hosting.Orchestration;

/// <summary>
/// The replicas of one resource: each its own supervised process on its own port, seen by others as one resource
/// behind the local endpoint its <see cref="ReplicaProxy"/> serves. The resource is ready once every replica is.
/// </summary>
internal sealed class ReplicaSet(IResource resource, IReadOnlyList<ResourceUrlSnapshot> urls, Action<ResourceSnapshot> publish) : IResourceRunner
{
    private readonly Dictionary<int, ResourceSnapshot> _replicas = [];

    public IResource Resource { get; } = resource;

    public List<ResourceSupervisor> Supervisors { get; } = [];

    /// <summary>The indexes of the replicas that can take traffic now.</summary>
    public IReadOnlyList<int> ReadyReplicas()
    {
        lock (_replicas)
        {
            return [.. _replicas.Where(r => r.Value.IsReady).Select(r => r.Key).Order()];
        }
    }

    public void Update(int index, ResourceSnapshot replica)
    {
        lock (_replicas)
        {
            _replicas[index] = replica;
            if (_replicas.Count == Supervisors.Count)
            {
                publish(Combine([.. _replicas.OrderBy(r => r.Key).Select(r => r.Value)]));
            }
        }
    }

    public void PublishInitialState() => Supervisors.ForEach(s => s.PublishInitialState());

    public Task LaunchAfterDependenciesAsync(CancellationToken stopping) => Task.WhenAll(Supervisors.Select(s => s.LaunchAfterDependenciesAsync(stopping)));

    public Task StartAsync() => Task.WhenAll(Supervisors.Select(s => s.StartAsync()));

    public Task StopAsync() => Task.WhenAll(Supervisors.Select(s => s.StopAsync()));

    public Task ShutdownAsync() => StopAsync();

    public Task RestartAsync() => Task.WhenAll(Supervisors.Select(s => s.RestartAsync()));

    /// <summary>The least advanced replica speaks for the resource until all are ready.</summary>
    private ResourceSnapshot Combine(IReadOnlyList<ResourceSnapshot> replicas)
    {
        var lagging = replicas.FirstOrDefault(r => !r.IsReady);
        var state = lagging?.State ?? (replicas.All(r => r.State == ResourceState.Healthy) ? ResourceState.Healthy : ResourceState.Running);
        return replicas[0] with
        {
            State = state,
            Restarts = replicas.Sum(r => r.Restarts),
            ExitCode = lagging?.ExitCode,
            StartedAt = replicas.Min(r => r.StartedAt),
            Message = lagging?.Message,
            UrlDetails = urls,
            WaitsForExplicitStart = replicas.Any(r => r.WaitsForExplicitStart),
            Replicas = [.. replicas.SelectMany(r => r.Replicas ?? [])],
        };
    }
}
