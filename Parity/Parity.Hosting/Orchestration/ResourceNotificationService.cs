namespace Parity.Hosting.Orchestration;

/// <summary>The current state of every resource, and a stream of its changes.</summary>
public sealed class ResourceNotificationService
{
    private readonly Dictionary<string, ResourceSnapshot> _current = new(StringComparer.OrdinalIgnoreCase);
    private readonly Broadcast<ResourceSnapshot> _changes = new();

    public IReadOnlyList<ResourceSnapshot> Current => _changes.Read(() => (IReadOnlyList<ResourceSnapshot>)[.. _current.Values]);

    public ResourceSnapshot? Get(string name) => _changes.Read(() => _current.GetValueOrDefault(name));

    /// <summary>The current snapshots first, then every change.</summary>
    public IAsyncEnumerable<ResourceSnapshot> WatchAsync(CancellationToken cancellationToken = default) =>
        _changes.WatchAsync(() => _current.Values, cancellationToken);

    public async Task<ResourceSnapshot> WaitForResourceAsync(string name, Func<ResourceSnapshot, bool> predicate, CancellationToken cancellationToken = default)
    {
        await foreach (var snapshot in WatchAsync(cancellationToken))
        {
            if (string.Equals(snapshot.Name, name, StringComparison.OrdinalIgnoreCase) && predicate(snapshot))
            {
                return snapshot;
            }
        }
        throw new OperationCanceledException(cancellationToken);
    }

    public Task<ResourceSnapshot> WaitForResourceAsync(string name, ResourceState state, CancellationToken cancellationToken = default) =>
        WaitForResourceAsync(name, s => s.State == state, cancellationToken);

    /// <summary>Waits until the resource is healthy (running, without a health check); throws if it fails to start.</summary>
    public async Task<ResourceSnapshot> WaitForResourceHealthyAsync(string name, CancellationToken cancellationToken = default)
    {
        var snapshot = await WaitForResourceAsync(name, s => s.IsReady || s.State == ResourceState.FailedToStart, cancellationToken);
        return snapshot.State == ResourceState.FailedToStart
            ? throw new DistributedApplicationException($"Resource '{name}' failed to start: {snapshot.Message}")
            : snapshot;
    }

    internal void Publish(ResourceSnapshot snapshot) => _changes.Publish(snapshot, () => _current[snapshot.Name] = snapshot);
}
