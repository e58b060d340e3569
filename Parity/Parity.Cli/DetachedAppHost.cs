using System.Diagnostics;

namespace Parity.Cli;

/// <summary>
/// <c>parity start</c>: builds the AppHost, starts it in a session of its own with its output in
/// <c>.parity/apphost.log</c>, and waits until run.json shows every resource up. When the AppHost exits, a resource
/// fails to start, or time runs out, it shows the end of the log and stops what it started.
/// </summary>
internal static class DetachedAppHost
{
    private const int LogLinesShownOnFailure = 40;
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(250);

    public static async Task<int> StartAsync(AppHostProject project, IReadOnlyList<string> appHostArguments, TimeSpan timeout, CancellationToken token)
    {
        RefuseWhenRunning(project);
        await DotnetCommands.BuildAsync(project);
        CreatePrivateFiles(project);
        File.Delete(project.RunFile); // left by an AppHost that was killed: a new run.json is this run's

        using var process = ChildProcess.Start(DetachedInfo(project, appHostArguments));
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            var run = RunState.Read(project.RunFile);
            var failure = process.HasExited ? $"The AppHost exited with code {process.ExitCode} before every resource was up."
                : run?.Resources.FirstOrDefault(r => r.State == RunState.FailedToStart) is { } failed ? $"Resource '{failed.Name}' failed to start."
                : deadline.Elapsed > timeout ? $"Not every resource was up after {timeout.TotalSeconds:0} s: {Pending(run)}."
                : null;
            if (failure is not null)
            {
                await FailAsync(project, process, run, failure);
                return 1;
            }
            if (run is { AllUp: true })
            {
                Console.WriteLine($"AppHost started (pid {run.AppHostPid}); its output is in {project.LogFile}.");
                if (run.Dashboard?.LoginUrl is { } login)
                {
                    Console.WriteLine($"Dashboard: {login}");
                }
                Console.WriteLine(OutputFormat.ResourceTable(run.Resources));
                return 0;
            }
            await Task.Delay(PollInterval, token);
        }
    }

    public static void RefuseWhenRunning(AppHostProject project)
    {
        if (RunState.ReadLive(project.RunFile) is { } running)
        {
            throw new CliException($"An AppHost is already running here (pid {running.AppHostPid}, since {running.StartedAt:u}); stop it with 'parity stop'.");
        }
    }

    /// <summary>
    /// <c>bash</c> points the output at the log and becomes <c>setsid</c>, which becomes <c>dotnet run</c>: one process id
    /// throughout, leading a new session, so the AppHost outlives this command and no terminal signal reaches it. Not
    /// <c>sh</c>: dash drops variables whose names are not identifiers (<c>Parameters__jwt-signing-key</c>).
    /// </summary>
    private static ProcessStartInfo DetachedInfo(AppHostProject project, IReadOnlyList<string> appHostArguments)
    {
        const string RedirectAndExec = """log="$PARITY_APPHOST_LOG"; unset PARITY_APPHOST_LOG; exec "$@" >"$log" 2>&1 </dev/null""";
        var arguments = (string[])["-c", RedirectAndExec, "parity", "setsid", DotnetCommands.Dotnet,
            .. DotnetCommands.Run(project, [.. project.StateArguments, .. appHostArguments], noBuild: true)];
        return ChildProcess.Info("bash", arguments, new Dictionary<string, string> { ["PARITY_APPHOST_LOG"] = project.LogFile });
    }

    /// <summary>
    /// The log readable by its owner only (services may print secrets), in a state folder created owner-only as the
    /// AppHost creates it; the shell's redirection keeps the mode of an existing file, so it is created anew.
    /// </summary>
    private static void CreatePrivateFiles(AppHostProject project) => OwnerOnly.CreateFile(project.LogFile).Dispose();

    private static string Pending(RunState? run) => run is null
        ? "run.json was never written"
        : string.Join(", ", run.Resources.Where(r => !r.Ready).Select(r => $"{r.Name} ({r.State})"));

    private static async Task FailAsync(AppHostProject project, Process process, RunState? run, string reason)
    {
        Console.Error.WriteLine(reason);
        Console.Error.WriteLine($"Last lines of {project.LogFile}:");
        foreach (var line in Tail(project.LogFile, LogLinesShownOnFailure))
        {
            Console.Error.WriteLine("  " + line);
        }
        if (!process.HasExited)
        {
            Console.Error.WriteLine("Stopping the AppHost...");
            if (run is not null)
            {
                await AppHostStopper.StopProcessAsync(run.AppHostPid, project.RunFile, TimeSpan.FromSeconds(60));
            }
            // The whole session: dotnet run, and the AppHost if it had not written run.json yet.
            Posix.Signal(-process.Id, Posix.SigTerm);
            using var grace = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            try
            {
                await process.WaitForExitAsync(grace.Token);
            }
            catch (OperationCanceledException)
            {
                Posix.Signal(-process.Id, Posix.SigKill);
                await process.WaitForExitAsync(CancellationToken.None);
            }
        }
        File.Delete(project.RunFile);
    }

    private static IEnumerable<string> Tail(string file, int lines) =>
        File.Exists(file) ? File.ReadLines(file).TakeLast(lines) : ["(no output)"];
}
