using System.Collections.Concurrent;
using System.Diagnostics;
using System.Runtime.InteropServices;
using Parity.Hosting.ApplicationModel;

namespace Parity.Hosting.Orchestration;

/// <summary>
/// Starts every child process from one long-lived thread, under <c>setpriv --pdeathsig KILL</c>: the kernel kills
/// the child when the thread that started it ends, so children die with the AppHost even when it is SIGKILLed.
/// (A thread-pool thread can end while the AppHost lives on, which would kill the child early.) Each child leads a
/// session of its own (<c>setsid</c>), so what it starts in turn (an npm script's node) can be found and stopped with it.
/// </summary>
internal static partial class ProcessStarter
{
    private static readonly string? Setpriv = OperatingSystem.IsLinux() ? ExecutableLocator.Find("setpriv") : null;
    private static readonly string? Setsid = Setpriv is null ? null : ExecutableLocator.Find("setsid");
    private const int SigKill = 9;

    // How long a process's descendants may outlive it (finishing their own graceful stop) before they are killed.
    private static readonly TimeSpan DescendantsLinger = TimeSpan.FromSeconds(5);
    private static readonly BlockingCollection<(ProcessStartInfo Info, TaskCompletionSource<Process> Started)> Requests = [];

    // Variables that configure the AppHost itself and must not leak into the processes it starts.
    private static readonly string[] AppHostOnlyPrefixes =
        ["ASPNETCORE_URLS", "HTTP_PORTS", "HTTPS_PORTS", "DOTNET_LAUNCH_PROFILE", "Parameters__", "ConnectionStrings__", "services__", "OTEL_"];

    static ProcessStarter()
    {
        var thread = new Thread(StartRequestedProcesses) { IsBackground = true, Name = "parity-process-starter" };
        thread.Start();
    }

    public static Task<Process> StartAsync(ProcessSpec spec, Action<string, bool> onLine)
    {
        var info = new ProcessStartInfo
        {
            FileName = Setpriv ?? spec.FileName,
            WorkingDirectory = spec.WorkingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        if (Setpriv is not null)
        {
            string[] runAs = spec.RunAsUser is { } user ? [$"--reuid={user}", $"--regid={user}", "--init-groups"] : [];
            string[] ownSession = Setsid is null ? [] : [Setsid];
            foreach (var arg in (string[])[.. runAs, "--pdeathsig", spec.DeathSignal, "--", .. ownSession, spec.FileName])
            {
                info.ArgumentList.Add(arg);
            }
        }
        else if (spec.RunAsUser is not null)
        {
            throw new DistributedApplicationException($"'{spec.FileName}' must run as '{spec.RunAsUser}', which needs setpriv (apt-get install util-linux).");
        }
        foreach (var arg in spec.Args)
        {
            info.ArgumentList.Add(arg);
        }
        foreach (var key in info.Environment.Keys.Where(k => AppHostOnlyPrefixes.Any(p => k.StartsWith(p, StringComparison.OrdinalIgnoreCase))).ToList())
        {
            info.Environment.Remove(key);
        }
        foreach (var (key, value) in spec.Environment)
        {
            info.Environment[key] = value;
        }

        var started = new TaskCompletionSource<Process>(TaskCreationOptions.RunContinuationsAsynchronously);
        Requests.Add((info, started));
        return started.Task.ContinueWith(t =>
        {
            var process = t.Result;
            process.OutputDataReceived += (_, e) => { if (e.Data is not null) onLine(e.Data, false); };
            process.ErrorDataReceived += (_, e) => { if (e.Data is not null) onLine(e.Data, true); };
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
            if (spec.StandardInput is not null)
            {
                process.StandardInput.Write(spec.StandardInput);
            }
            process.StandardInput.Close();
            return process;
        }, TaskScheduler.Default);
    }

    /// <summary>Runs a short command (a container runtime's <c>stop</c> or <c>rm</c>) to its end; killed if it outlasts <paramref name="timeout"/>.</summary>
    public static async Task<int> RunToExitAsync(ProcessSpec spec, Action<string, bool> onLine, TimeSpan timeout)
    {
        using var process = await StartAsync(spec, onLine);
        using var deadline = new CancellationTokenSource(timeout);
        try
        {
            await WaitForExitAsync(process, deadline.Token);
        }
        catch (OperationCanceledException)
        {
            KillAll(process);
            await WaitForExitAsync(process);
        }
        return process.ExitCode;
    }

    /// <summary>
    /// The process's exit, then its descendants': what it left running gets <see cref="DescendantsLinger"/> to end,
    /// then is killed. (<see cref="Process.WaitForExitAsync"/> alone would wait for as long as any descendant holds
    /// the output open.)
    /// </summary>
    public static async Task WaitForExitAsync(Process process, CancellationToken cancellationToken = default)
    {
        await ExitOf(process).WaitAsync(cancellationToken);
        if (await OutputEndsWithinAsync(process, DescendantsLinger))
        {
            return;
        }
        KillAll(process);
        // A descendant that left the session may still hold the output: the exit is what counts, so this wait is bounded too.
        _ = await OutputEndsWithinAsync(process, DescendantsLinger);
    }

    /// <summary>Kills the process and everything in its session.</summary>
    public static void KillAll(Process process)
    {
        if (Setsid is not null)
        {
            _ = Kill(-process.Id, SigKill);
        }
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
        }
    }

    private static Task ExitOf(Process process)
    {
        var exited = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        process.Exited += (_, _) => exited.TrySetResult();
        if (process.HasExited)
        {
            exited.TrySetResult();
        }
        return exited.Task;
    }

    private static async Task<bool> OutputEndsWithinAsync(Process process, TimeSpan timeout)
    {
        using var deadline = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(deadline.Token);
            return true;
        }
        catch (OperationCanceledException) when (deadline.IsCancellationRequested)
        {
            return false;
        }
    }

    /// <summary>Asks the process to stop gracefully (SIGTERM unless its spec says otherwise), as a container runtime would.</summary>
    public static void Terminate(Process process, int signal)
    {
        if (!OperatingSystem.IsWindows() && !process.HasExited)
        {
            _ = Kill(process.Id, signal);
        }
        else if (!process.HasExited)
        {
            process.Kill();
        }
    }

    private static void StartRequestedProcesses()
    {
        foreach (var (info, started) in Requests.GetConsumingEnumerable())
        {
            try
            {
                var process = new Process { StartInfo = info, EnableRaisingEvents = true };
                process.Start();
                started.SetResult(process);
            }
            catch (Exception e)
            {
                started.SetException(e);
            }
        }
    }

    [LibraryImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static partial int Kill(int pid, int signal);
}
