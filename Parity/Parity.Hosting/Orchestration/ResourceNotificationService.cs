using System.Runtime.CompilerServices;
using System.Threading.Channels;

namespace Parity.Hosting.Orchestration;

/// <summary>The current state of every resource, and a stream of its changes.</summary>
public sealed class ResourceNotificationService
{
    private readonly Dictionary<string, ResourceSnapshot> _current = new(StringComparer.OrdinalIgnoreCase);
    private readonly List<Channel<ResourceSnapshot>> _watchers = [];

    public IReadOnlyList<ResourceSnapshot> Current
    {
        get
        {
            lock (_current)
            {
                return [.. _current.Values];
            }
        }
    }

    public ResourceSnapshot? Get(string name)
    {
        lock (_current)
        {
            return _current.GetValueOrDefault(name);
        }
    }

    /// <summary>The current snapshots first, then every change.</summary>
    public async IAsyncEnumerable<ResourceSnapshot> WatchAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var channel = Channel.CreateUnbounded<ResourceSnapshot>();
        lock (_current)
        {
            foreach (var snapshot in _current.Values)
            {
                channel.Writer.TryWrite(snapshot);
            }
            _watchers.Add(channel);
        }
        try
        {
            await foreach (var snapshot in channel.Reader.ReadAllAsync(cancellationToken))
            {
                yield return snapshot;
            }
        }
        finally
        {
            lock (_current)
            {
                _watchers.Remove(channel);
            }
        }
    }

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

    internal void Publish(ResourceSnapshot snapshot)
    {
        lock (_current)
        {
            _current[snapshot.Name] = snapshot;
            foreach (var watcher in _watchers)
            {
                watcher.Writer.TryWrite(snapshot);
            }
        }
    }
}
