using System.Diagnostics;

namespace Parity.Hosting.Orchestration;

/// <summary>A process a supervisor runs: a child tied to the AppHost, or a persistent one started to outlive it, or adopted.</summary>
internal interface IRunningProcess
{
    int Id { get; }

    bool HasExited { get; }

    /// <summary>Its exit code once it has exited; unknown for an adopted process, which is not this AppHost's child.</summary>
    int? ExitCode { get; }

    /// <summary>Completes when it has exited; see <see cref="ProcessStarter.WaitForExitAsync"/> for what a child's descendants get.</summary>
    Task WaitForExitAsync(CancellationToken cancellationToken = default);

    void Terminate(int signal);

    /// <summary>Kills it and everything in its session.</summary>
    void KillAll();
}

/// <summary>A child of the AppHost, which the kernel kills when the AppHost dies.</summary>
internal sealed class ChildProcess(Process process) : IRunningProcess
{
    public int Id => process.Id;

    public bool HasExited => process.HasExited;

    public int? ExitCode => process.HasExited ? process.ExitCode : null;

    public Task WaitForExitAsync(CancellationToken cancellationToken = default) => ProcessStarter.WaitForExitAsync(process, cancellationToken);

    public void Terminate(int signal) => ProcessStarter.Terminate(process, signal);

    public void KillAll() => ProcessStarter.KillAll(process);
}

/// <summary>
/// A process that outlives the AppHost: followed by pid and start time (an adopted one is not our child), its console
/// output read from the log file it writes, until the AppHost lets go of it.
/// </summary>
internal sealed class PersistentProcess(PersistentProcessId id, Process? child) : IRunningProcess
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(200);
    private readonly CancellationTokenSource _attached = new();

    public PersistentProcessId ProcessId { get; } = id;

    public int Id => ProcessId.Pid;

    public bool HasExited => !ProcessId.IsAlive;

    public int? ExitCode => child is { HasExited: true } ? child.ExitCode : null;

    public async Task WaitForExitAsync(CancellationToken cancellationToken = default)
    {
        while (ProcessId.IsAlive)
        {
            await Task.Delay(PollInterval, cancellationToken);
        }
        child?.WaitForExit(); // our own child: reaped, so its exit code is known
    }

    public void Terminate(int signal) => ProcessId.Signal(signal);

    public void KillAll() => _ = ProcessId.EndAsync(TimeSpan.Zero);

    /// <summary>Passes each line appended to <paramref name="logFile"/> to <paramref name="onLine"/> while the AppHost holds the process.</summary>
    public void FollowConsole(string logFile, bool fromStart, Action<string, bool> onLine) =>
        _ = LogFileFollower.FollowAsync(logFile, fromStart, line => onLine(line, false), _attached.Token);

    /// <summary>The AppHost lets go of it: it runs on, unwatched.</summary>
    public void Detach() => _attached.Cancel();
}
