using System.Collections.Concurrent;
using System.Diagnostics;
using System.Runtime.InteropServices;
using Parity.Hosting.ApplicationModel;

namespace Parity.Hosting.Orchestration;

/// <summary>
/// Starts every child process from one long-lived thread, under <c>setpriv --pdeathsig KILL</c>: the kernel kills
/// the child when the thread that started it ends, so children die with the AppHost even when it is SIGKILLed.
/// (A thread-pool thread can end while the AppHost lives on, which would kill the child early.)
/// </summary>
internal static partial class ProcessStarter
{
    private static readonly string? Setpriv = OperatingSystem.IsLinux() ? ExecutableLocator.Find("setpriv") : null;
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
            foreach (var arg in (string[])[.. runAs, "--pdeathsig", spec.DeathSignal, "--", spec.FileName])
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
            await process.WaitForExitAsync(deadline.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
        return process.ExitCode;
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
