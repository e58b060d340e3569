using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Parity.Hosting.ApplicationModel;

namespace Parity.Hosting.Orchestration;

/// <summary>
/// The processes of one resource behind the local endpoints its <see cref="ReplicaProxy"/> serves: one per replica,
/// each on ports of its own. The resource is ready once every replica is. A swap replaces them as a rolling update
/// does: each new process starts on fresh ports beside the old one, becomes ready, takes the traffic, and only then
/// the old one stops; a new process that fails leaves the old one serving.
/// </summary>
/// <param name="createInstance">A supervised process for a replica: on its first ports, or (a swap) on fresh ones.</param>
internal sealed class ReplicaSet(
    IResource resource,
    IReadOnlyList<ResourceUrlSnapshot> urls,
    Action<ResourceSnapshot> publish,
    ResourceLoggerService logs,
    Func<int, bool, Action<ResourceSnapshot>, ResourceSupervisor> createInstance) : IResourceRunner
{
    private static readonly TimeSpan SwapReadyTimeout = TimeSpan.FromMinutes(2);
    private readonly Dictionary<int, ResourceSnapshot> _replicas = [];
    private readonly List<ResourceSupervisor> _current = [.. Enumerable.Range(0, resource.ReplicaCount()).Select(_ => (ResourceSupervisor)null!)];
    private readonly SemaphoreSlim _swapping = new(1, 1);

    public IResource Resource { get; } = resource;

    /// <summary>Creates each replica's first process; called once, before anything starts.</summary>
    public ReplicaSet CreateReplicas()
    {
        for (var slot = 0; slot < _current.Count; slot++)
        {
            _current[slot] = NewInstance(slot, fresh: false);
        }
        return this;
    }

    /// <summary>
    /// The ports, on one endpoint, of the replicas that can take traffic now: the ready ones, or while none is, those
    /// that run (a service whose health check has not passed yet is still reached, as it would be without a proxy).
    /// </summary>
    public IReadOnlyList<int> ReadyPorts(string endpoint)
    {
        lock (_replicas)
        {
            var states = _current.Select((s, slot) => (Ports: s.Ports, Snapshot: _replicas.GetValueOrDefault(slot))).ToList();
            var ready = states.Where(s => s.Snapshot?.IsReady == true).ToList();
            return [.. (ready.Count > 0 ? ready : states.Where(s => s.Snapshot?.IsRunning == true)).Select(s => s.Ports[endpoint])];
        }
    }

    public void PublishInitialState() => _current.ForEach(s => s.PublishInitialState());

    public Task LaunchAfterDependenciesAsync(CancellationToken stopping) => Task.WhenAll(_current.Select(s => s.LaunchAfterDependenciesAsync(stopping)));

    public Task StartAsync() => Task.WhenAll(_current.Select(s => s.StartAsync()));

    public Task StopAsync() => Task.WhenAll(_current.Select(s => s.StopAsync()));

    public Task ShutdownAsync() => StopAsync();

    /// <summary>A swap when every replica serves; otherwise (stopped, crashed) a plain stop and start.</summary>
    public async Task RestartAsync()
    {
        if (_current.All(s => s.Snapshot.IsReady))
        {
            await SwapAsync();
            return;
        }
        await StopAsync();
        await StartAsync();
    }

    /// <summary>
    /// Replaces every replica with a new process; true when all were replaced. The new processes start together (a
    /// rolling update's surge: starting is what takes time), then take over one replica at a time, each once it serves.
    /// </summary>
    public async Task<bool> SwapAsync()
    {
        await _swapping.WaitAsync();
        try
        {
            var replacements = Enumerable.Range(0, _current.Count).Select(slot => NewInstance(slot, fresh: true)).ToList();
            var clock = Stopwatch.StartNew();
            for (var slot = 0; slot < _current.Count; slot++)
            {
                Log(slot, $"swap: starting a new process on port {string.Join(", ", replacements[slot].Ports.Values)} beside pid {_current[slot].Snapshot.Replicas?.FirstOrDefault()?.Pid}");
            }
            await Task.WhenAll(replacements.Select(r => r.StartReplacementAsync()));
            for (var slot = 0; slot < _current.Count; slot++)
            {
                if (!await TakeOverAsync(slot, replacements[slot], clock))
                {
                    await Task.WhenAll(replacements.Skip(slot + 1).Select(r => r.StopAsync()));
                    return false;
                }
            }
            return true;
        }
        finally
        {
            _swapping.Release();
        }
    }

    private async Task<bool> TakeOverAsync(int slot, ResourceSupervisor replacement, Stopwatch clock)
    {
        var old = _current[slot];
        if (await WhenServingAsync(replacement) is { } failure)
        {
            Log(slot, $"swap abandoned: {failure}; the old process keeps serving", isError: true);
            await replacement.StopAsync();
            return false;
        }
        lock (_replicas)
        {
            _current[slot] = replacement;
        }
        Update(slot, replacement.Snapshot);
        Log(slot, $"swap: pid {replacement.Snapshot.Replicas?.FirstOrDefault()?.Pid} serves after {clock.Elapsed.TotalSeconds:0.0}s; stopping the old process");
        await old.StopAsync();
        foreach (var port in old.Ports.Values)
        {
            PortAllocator.Release(port);
        }
        return true;
    }

    /// <summary>Null once the new process is ready and accepts connections on every endpoint; else why it never will.</summary>
    private static async Task<string?> WhenServingAsync(ResourceSupervisor replacement)
    {
        using var deadline = new CancellationTokenSource(SwapReadyTimeout);
        while (!deadline.IsCancellationRequested)
        {
            var snapshot = replacement.Snapshot;
            if (snapshot.State is ResourceState.FailedToStart or ResourceState.Exited or ResourceState.Finished)
            {
                return snapshot.Message ?? $"the new process ended ({snapshot.State}{(snapshot.ExitCode is { } code ? $", exit code {code}" : "")})";
            }
            // Ready (its health check passes) is not yet listening when it declares no health check.
            if (snapshot.IsReady && await AcceptsConnectionsAsync(replacement.Ports.Values, deadline.Token))
            {
                return null;
            }
            await Task.Delay(100, CancellationToken.None);
        }
        return $"the new process was not ready within {SwapReadyTimeout.TotalSeconds:0}s";
    }

    private static async Task<bool> AcceptsConnectionsAsync(IEnumerable<int> ports, CancellationToken cancellationToken)
    {
        foreach (var port in ports)
        {
            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync(IPAddress.Loopback, port, cancellationToken);
            }
            catch (Exception e) when (e is SocketException or OperationCanceledException)
            {
                return false;
            }
        }
        return true;
    }

    private ResourceSupervisor NewInstance(int slot, bool fresh)
    {
        ResourceSupervisor? instance = null;
        // Only the replica's current process speaks for it: a replacement is heard once it has taken over.
        instance = createInstance(slot, fresh, snapshot =>
        {
            if (ReferenceEquals(instance, _current[slot]))
            {
                Update(slot, snapshot);
            }
        });
        return instance;
    }

    private void Update(int slot, ResourceSnapshot replica)
    {
        lock (_replicas)
        {
            _replicas[slot] = replica;
            if (_replicas.Count == _current.Count)
            {
                publish(Combine([.. _replicas.OrderBy(r => r.Key).Select(r => r.Value)]));
            }
        }
    }

    private void Log(int slot, string message, bool isError = false) =>
        logs.Write(new LogLine(Resource.Name, _current.Count > 1 ? slot : null, DateTimeOffset.UtcNow, $"[parity] {message}", isError));

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
