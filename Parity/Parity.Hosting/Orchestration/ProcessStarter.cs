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

    // bash, not sh: dash drops the environment variables whose names are not identifiers (YARP's
    // ReverseProxy__Clusters__catalog-api__...) from what it passes on.
    private static readonly string Shell = ExecutableLocator.Find("bash") ?? "/bin/sh";
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
        if (Setpriv is null && spec.RunAsUser is not null)
        {
            throw new DistributedApplicationException($"'{spec.FileName}' must run as '{spec.RunAsUser}', which needs setpriv (apt-get install util-linux).");
        }
        string[] tiedToAppHost = Setpriv is null ? [] : [Setpriv, .. RunAsArgs(spec), "--pdeathsig", spec.DeathSignal, "--", .. OwnSession];
        string[] wrapper = [.. tiedToAppHost, .. PrivateFilesShell(spec)];
        var info = StartInfo(spec, wrapper, redirectOutput: true);
        return Start(info).ContinueWith(t =>
        {
            var process = t.Result;
            process.OutputDataReceived += (_, e) => { if (e.Data is not null) onLine(e.Data, false); };
            process.ErrorDataReceived += (_, e) => { if (e.Data is not null) onLine(e.Data, true); };
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
            WriteInput(process, spec);
            return process;
        }, TaskScheduler.Default);
    }

    /// <summary>
    /// Starts a process that outlives the AppHost: in a session of its own, with no parent-death signal, its console
    /// output appended to <paramref name="consoleLog"/> (a pipe would break when the AppHost ends). The file is opened
    /// before privileges are dropped, so a server that runs as another user needs no access to the state folder.
    /// </summary>
    public static async Task<Process> StartPersistentAsync(ProcessSpec spec, string consoleLog)
    {
        if (Setsid is null)
        {
            throw new DistributedApplicationException($"'{spec.FileName}' is declared persistent, which needs setsid and setpriv (apt-get install util-linux).");
        }
        string[] runAs = spec.RunAsUser is null ? [] : [Setpriv!, .. RunAsArgs(spec), "--"];
        string[] wrapper = [Setsid, Shell, "-c", "log=$1; shift; exec \"$@\" >>\"$log\" 2>&1", "sh", consoleLog, .. runAs, .. PrivateFilesShell(spec)];
        var process = await Start(StartInfo(spec, wrapper, redirectOutput: false));
        WriteInput(process, spec);
        return process;
    }

    private static string[] OwnSession => Setsid is null ? [] : [Setsid];

    /// <summary>A shell that sets the umask, then becomes the program (same pid), for a spec that asks for private files.</summary>
    private static string[] PrivateFilesShell(ProcessSpec spec) =>
        spec.PrivateFiles && !OperatingSystem.IsWindows() ? [Shell, "-c", "umask 077 && exec \"$@\"", "sh"] : [];

    private static string[] RunAsArgs(ProcessSpec spec) =>
        spec.RunAsUser is { } user ? [$"--reuid={user}", $"--regid={user}", "--init-groups"] : [];

    /// <summary>The spec's program and arguments behind <paramref name="wrapper"/>, with the spec's environment and none of the AppHost's own settings.</summary>
    private static ProcessStartInfo StartInfo(ProcessSpec spec, string[] wrapper, bool redirectOutput)
    {
        var info = new ProcessStartInfo
        {
            FileName = wrapper.Length > 0 ? wrapper[0] : spec.FileName,
            WorkingDirectory = spec.WorkingDirectory,
            RedirectStandardOutput = redirectOutput,
            RedirectStandardError = redirectOutput,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (var arg in (string[])[.. wrapper.Skip(1), .. wrapper.Length > 0 ? [spec.FileName] : Array.Empty<string>(), .. spec.Args])
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
        return info;
    }

    private static Task<Process> Start(ProcessStartInfo info)
    {
        var started = new TaskCompletionSource<Process>(TaskCreationOptions.RunContinuationsAsynchronously);
        Requests.Add((info, started));
        return started.Task;
    }

    private static void WriteInput(Process process, ProcessSpec spec)
    {
        if (spec.StandardInput is not null)
        {
            process.StandardInput.Write(spec.StandardInput);
        }
        process.StandardInput.Close();
    }

    /// <summary>Runs a short command (a container runtime's <c>stop</c> or <c>rm</c>) to its end; killed if it outlasts <paramref name="timeout"/>.</summary>
    public static async Task<int> RunToExitAsync(ProcessSpec spec, Action<string, bool> onLine, TimeSpan timeout)
    {
        using var deadline = new CancellationTokenSource(timeout);
        return await RunToExitAsync(spec, onLine, deadline.Token);
    }

    /// <summary>Runs a command to its end, or until <paramref name="cancellationToken"/> asks, when it is killed and waited for.</summary>
    public static async Task<int> RunToExitAsync(ProcessSpec spec, Action<string, bool> onLine, CancellationToken cancellationToken)
    {
        using var process = await StartAsync(spec, onLine);
        try
        {
            await WaitForExitAsync(process, cancellationToken);
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
