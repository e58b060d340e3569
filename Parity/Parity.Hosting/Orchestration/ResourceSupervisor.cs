using System.Diagnostics;
using Parity.Hosting.ApplicationModel;

namespace Parity.Hosting.Orchestration;

/// <summary>
/// Runs one resource's process: starts it once what it waits for is ready, probes its health, restarts it after a
/// crash (unless it is run-once), and carries out the stop / start / restart commands. One runs per replica;
/// <paramref name="publish"/> says where its state goes (the resource's snapshot, or its replica set). At the end of
/// the run a persistent process is let go, not stopped.
/// </summary>
internal sealed class ResourceSupervisor(
    IResource resource,
    IProcessLaunch launch,
    RestartPolicy restartPolicy,
    IReadOnlyList<ResourceUrlSnapshot> urls,
    IReadOnlyDictionary<string, int> ports,
    Func<CancellationToken, Task<bool>>? healthProbe,
    RunServices run,
    Action<ResourceSnapshot> publish,
    int? replica = null,
    RunOnceCompletion? completion = null) : IResourceRunner
{
    private static readonly TimeSpan MaxBackoff = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan StableUptime = TimeSpan.FromSeconds(30);

    private readonly SemaphoreSlim _commands = new(1, 1);
    private readonly object _sync = new();
    private IRunningProcess? _process;
    private LaunchedProcess? _launched;
    private List<IRunningProcess> _companions = [];
    private readonly CancellationTokenSource _released = new();
    private Task _exited = Task.CompletedTask;
    private CancellationTokenSource _life = new();
    private bool _stopRequested;
    private int _restarts;
    private int _consecutiveCrashes;
    private DateTimeOffset? _startedAt;
    private string? _runOnceStamp;
    private ResourceSnapshot _snapshot = new(
        resource.Name, ResourceKinds.Of(resource), ResourceState.NotStarted, healthProbe is not null, UrlDetails: urls, Parent: resource.DisplayParent()?.Name,
        WaitsForExplicitStart: resource.StartsExplicitly(), IsPersistent: launch.IsPersistent);

    // Completed by the first start command when the resource starts only when asked (WithExplicitStart).
    private readonly TaskCompletionSource _explicitStart = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public IResource Resource { get; } = resource;

    public ResourceSnapshot Snapshot => _snapshot;

    /// <summary>The port the process listens on, per endpoint: its own when it runs behind a proxy, else the endpoint's.</summary>
    public IReadOnlyDictionary<string, int> Ports { get; } = ports;

    public void PublishInitialState() => Publish(ResourceState.NotStarted);

    /// <summary>Waits for every WaitFor / WaitForCompletion dependency, then starts; a failed dependency fails this resource.</summary>
    public async Task LaunchAfterDependenciesAsync(CancellationToken stopping)
    {
        if (Resource.StartsExplicitly())
        {
            try
            {
                await _explicitStart.Task.WaitAsync(stopping);
            }
            catch (OperationCanceledException)
            {
                return; // the run stopped before anyone started it
            }
        }
        var waits = Resource.AnnotationsOf<WaitAnnotation>().ToList();
        if (waits.Count > 0)
        {
            Publish(ResourceState.Waiting);
        }
        foreach (var wait in waits)
        {
            var dependency = await run.Notifications.WaitForResourceAsync(wait.Resource.Name, s =>
            {
                HoldWhile(s.WaitsForExplicitStart); // what waits for a resource nobody started waits for that start too
                return wait.IsSettledBy(s);
            }, stopping);
            if (!wait.IsSatisfiedBy(dependency))
            {
                var why = wait.WaitType == WaitType.WaitUntilCompleted
                    ? $"it waits for '{dependency.Name}' to complete with exit code {wait.ExitCode}, but that ended {dependency.State} with exit code {dependency.ExitCode}"
                    : $"it waits for '{dependency.Name}', which failed to start";
                Publish(ResourceState.FailedToStart, message: why);
                return;
            }
            if (wait.WaitType == WaitType.WaitUntilHealthy && await run.ReadyEventFailureAsync(wait.Resource, stopping) is { } failure)
            {
                Publish(ResourceState.FailedToStart, message: $"it waits for '{dependency.Name}': {failure}");
                return;
            }
        }
        if (completion is not null && await completion.IsCurrentAsync())
        {
            Publish(ResourceState.Finished, exitCode: 0, message: RunOnceCompletion.SkippedMessage);
            Log(RunOnceCompletion.SkippedMessage, isError: false);
            return;
        }
        await StartAsync();
    }

    /// <summary>Starts a process that replaces another (a swap): what it waits for is ready already, and it was started before.</summary>
    public Task StartReplacementAsync()
    {
        HoldWhile(false);
        _explicitStart.TrySetResult();
        return StartAsync();
    }

    public async Task StartAsync()
    {
        if (!_explicitStart.Task.IsCompleted && Resource.StartsExplicitly())
        {
            // The first start: the resource now waits for its dependencies and starts as any other would.
            HoldWhile(false);
            _explicitStart.TrySetResult();
            return;
        }
        await _commands.WaitAsync();
        try
        {
            if (_process is { HasExited: false })
            {
                return;
            }
            _stopRequested = false;
            // Published by the first replica only: the event is about the resource.
            if (replica is not > 0 && await run.BeforeResourceStartedFailureAsync(Resource) is { } failure)
            {
                Publish(ResourceState.FailedToStart, message: failure);
                Log($"failed to start: {failure}", isError: true);
                return;
            }
            await LaunchAsync();
        }
        finally
        {
            _commands.Release();
        }
    }

    public async Task StopAsync()
    {
        await _commands.WaitAsync();
        try
        {
            _stopRequested = true;
            await _life.CancelAsync();
            if (_process is { } process)
            {
                await TerminateAsync(process, _launched!.StopSignal, _launched.StopCommand);
                await launch.ForgetAsync();
            }
            await _exited;
            if (_snapshot.IsRunning || _snapshot.State is ResourceState.NotStarted or ResourceState.Waiting)
            {
                Publish(ResourceState.Exited);
            }
        }
        finally
        {
            _commands.Release();
        }
    }

    /// <summary>The end of the run: a persistent process runs on for the next run to adopt; any other is stopped.</summary>
    public async Task ShutdownAsync()
    {
        if (!launch.IsPersistent || _process is not { HasExited: false } process)
        {
            await StopAsync();
            return;
        }
        await _commands.WaitAsync();
        try
        {
            _stopRequested = true;
            await _life.CancelAsync();
            await _released.CancelAsync();
            foreach (var persistent in _companions.Prepend(process).OfType<PersistentProcess>())
            {
                persistent.Detach();
            }
            await _exited;
        }
        finally
        {
            _commands.Release();
        }
    }

    public async Task RestartAsync()
    {
        await StopAsync();
        await StartAsync();
    }

    private async Task LaunchAsync()
    {
        Publish(ResourceState.Starting);
        if (completion is not null)
        {
            _runOnceStamp = await completion.StampAsync();
            completion.Forget();
        }
        LaunchedProcess launched;
        try
        {
            launched = await launch.LaunchAsync(WriteLine);
        }
        catch (Exception e) when (e is DistributedApplicationException or System.ComponentModel.Win32Exception or IOException)
        {
            Publish(ResourceState.FailedToStart, message: e.Message);
            Log($"failed to start: {e.Message}", isError: true);
            return;
        }

        var process = launched.Process;
        var life = new CancellationTokenSource();
        lock (_sync)
        {
            _process = process;
            _launched = launched;
            _companions = [.. launched.Companions];
            _life = life;
            _startedAt = DateTimeOffset.UtcNow;
            _snapshot = _snapshot with { Environment = launched.Environment, Adopted = launched.Adopted };
        }
        Publish(ResourceState.Running);
        _exited = WatchExitAsync(process, life);
        if (healthProbe is not null)
        {
            _ = ProbeHealthAsync(healthProbe, life.Token);
        }
    }

    /// <summary>The graceful signal, then SIGKILL once the grace period is over; companions go after the main process.</summary>
    private async Task TerminateAsync(IRunningProcess process, int signal, ProcessSpec? stopCommand = null)
    {
        if (!process.HasExited)
        {
            if (stopCommand is null)
            {
                process.Terminate(signal);
            }
            else
            {
                // The command itself takes up to the grace period (then kills); it gets as long again before it is killed.
                await ProcessStarter.RunToExitAsync(stopCommand, (line, isError) => { if (isError) { WriteLine(line, isError); } }, run.Options.StopGracePeriod * 2);
            }
            using var grace = new CancellationTokenSource(run.Options.StopGracePeriod);
            try
            {
                await process.WaitForExitAsync(grace.Token);
            }
            catch (OperationCanceledException)
            {
                Log($"did not stop within {run.Options.StopGracePeriod.TotalSeconds:0}s; killing it", isError: true);
                process.KillAll();
                await process.WaitForExitAsync();
            }
        }
        await StopCompanionsAsync();
    }

    private async Task StopCompanionsAsync()
    {
        var companions = Interlocked.Exchange(ref _companions, []);
        foreach (var companion in companions)
        {
            await TerminateAsync(companion, signal: 15);
        }
    }

    /// <summary>A line from the engine about this process, shown among its console output.</summary>
    private void Log(string message, bool isError) => WriteLine($"[parity] {message}", isError);

    private void WriteLine(string line, bool isError) => run.Logs.Write(new LogLine(Resource.Name, replica, DateTimeOffset.UtcNow, line, isError));

    private async Task WatchExitAsync(IRunningProcess process, CancellationTokenSource life)
    {
        try
        {
            await process.WaitForExitAsync(_released.Token);
        }
        catch (OperationCanceledException)
        {
            return; // the run ended and let the persistent process go
        }
        await life.CancelAsync();
        if (!_stopRequested)
        {
            await StopCompanionsAsync(); // a crashed server's companions start again with it
        }
        var exitCode = process.ExitCode;
        var crashed = !_stopRequested && exitCode != 0;
        if (!crashed || restartPolicy == RestartPolicy.Never)
        {
            if (exitCode == 0 && !_stopRequested && _runOnceStamp is { } stamp)
            {
                completion!.Record(stamp);
            }
            Publish(exitCode == 0 && !_stopRequested ? ResourceState.Finished : ResourceState.Exited, exitCode);
            return;
        }

        if (DateTimeOffset.UtcNow - _startedAt > StableUptime)
        {
            _consecutiveCrashes = 0;
        }
        var backoff = TimeSpan.FromSeconds(Math.Min(MaxBackoff.TotalSeconds, Math.Pow(2, _consecutiveCrashes++)));
        var how = exitCode is { } code ? $"exited with code {code}" : "ended"; // an adopted process's exit code is not ours to read
        Publish(ResourceState.Exited, exitCode, $"{how}; restarting in {backoff.TotalSeconds:0}s");
        Log($"{how}; restarting in {backoff.TotalSeconds:0}s", isError: true);
        _ = RestartAfterAsync(backoff, life);
    }

    private async Task RestartAfterAsync(TimeSpan backoff, CancellationTokenSource crashedLife)
    {
        await Task.Delay(backoff);
        await _commands.WaitAsync();
        try
        {
            // A stop or start command issued during the backoff takes precedence.
            if (!_stopRequested && ReferenceEquals(_life, crashedLife) && _process is { HasExited: true })
            {
                Interlocked.Increment(ref _restarts);
                await LaunchAsync();
            }
        }
        finally
        {
            _commands.Release();
        }
    }

    private async Task ProbeHealthAsync(Func<CancellationToken, Task<bool>> probe, CancellationToken token)
    {
        var since = DateTimeOffset.UtcNow;
        while (!token.IsCancellationRequested)
        {
            var healthy = await probe(token);
            if (token.IsCancellationRequested)
            {
                return;
            }
            if (healthy && _snapshot.State != ResourceState.Healthy)
            {
                Publish(ResourceState.Healthy);
            }
            else if (!healthy && _snapshot.State == ResourceState.Healthy)
            {
                Publish(ResourceState.Unhealthy);
            }
            // Poll fast while starting so dependents start promptly, then settle down.
            var interval = _snapshot.State == ResourceState.Healthy ? 2000 : DateTimeOffset.UtcNow - since < TimeSpan.FromSeconds(10) ? 100 : 1000;
            await Task.Delay(interval, token).ContinueWith(_ => { }, TaskScheduler.Default);
        }
    }

    private void HoldWhile(bool held)
    {
        lock (_sync)
        {
            if (_snapshot.WaitsForExplicitStart != held)
            {
                _snapshot = _snapshot with { WaitsForExplicitStart = held };
                publish(_snapshot);
            }
        }
    }

    private void Publish(ResourceState state, int? exitCode = null, string? message = null)
    {
        lock (_sync)
        {
            var running = state is ResourceState.Starting or ResourceState.Running or ResourceState.Healthy or ResourceState.Unhealthy;
            var pid = running && _process is { HasExited: false } p ? p.Id : (int?)null;
            _snapshot = _snapshot with
            {
                State = state,
                Restarts = _restarts,
                ExitCode = exitCode,
                StartedAt = _startedAt,
                Message = message,
                Replicas = [new ReplicaSnapshot(pid, state, [.. Resource.Endpoints().Select(e => $"{e.UriScheme}://localhost:{Ports[e.Name]}")])],
            };
            publish(_snapshot);
        }
    }
}
