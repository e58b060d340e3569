using System.CommandLine;

namespace Parity.Cli;

/// <summary>The commands that run, list and stop the AppHost itself.</summary>
internal static class AppHostCommands
{
    public static Command Run()
    {
        var watch = WatchOption();
        var command = new Command("run", "Runs the AppHost in this terminal (dotnet run); arguments after -- go to the AppHost")
        {
            watch,
        };
        command.TreatUnmatchedTokensAsErrors = false;
        command.SetAction(ParityCommandLine.Handled(async (parseResult, _) =>
        {
            var project = ParityCommandLine.AppHostOf(parseResult);
            DetachedAppHost.RefuseWhenRunning(project);
            return await ChildProcess.RunAttachedAsync(DotnetCommands.Dotnet,
                DotnetCommands.Run(project, [.. project.StateArguments, .. AppHostArguments(parseResult, watch)]));
        }));
        return command;
    }

    /// <summary>The AppHost's own <c>--watch</c>, offered by the commands that run it.</summary>
    private static Option<bool> WatchOption() => new("--watch")
    {
        Description = "Rebuild a project when its sources change and swap its processes in, with no downtime",
    };

    /// <summary>What the AppHost gets: <c>--watch</c> when asked for, then every argument the CLI did not claim.</summary>
    private static IReadOnlyList<string> AppHostArguments(ParseResult parseResult, Option<bool> watch) =>
        [.. parseResult.GetValue(watch) ? ["--watch"] : Array.Empty<string>(), .. ParityCommandLine.ForwardedTokens(parseResult)];

    public static Command Start()
    {
        var timeout = new Option<int>("--timeout")
        {
            Description = "Seconds to wait for every resource to be up",
            DefaultValueFactory = _ => 300,
        };
        var watch = WatchOption();
        var command = new Command("start", "Builds and starts the AppHost in the background, and waits until every resource is up")
        {
            timeout,
            watch,
        };
        command.TreatUnmatchedTokensAsErrors = false;
        command.SetAction(ParityCommandLine.Handled((parseResult, token) => DetachedAppHost.StartAsync(
            ParityCommandLine.AppHostOf(parseResult), AppHostArguments(parseResult, watch),
            TimeSpan.FromSeconds(parseResult.GetValue(timeout)), token)));
        return command;
    }

    /// <summary>
    /// The running AppHost's resources, which the CLI reads itself from run.json; with <c>--ephemeral</c>, the ephemeral
    /// environments in the cluster instead, which the AppHost's <c>ps --ephemeral</c> verb lists (it alone knows the
    /// application's name and kubectl options), so that form and every argument after it go to the AppHost.
    /// </summary>
    public static Command Ps()
    {
        var ephemeral = new Option<bool>("--ephemeral")
        {
            Description = "List the ephemeral environments in the cluster instead (the AppHost's ps --ephemeral; other arguments go to it: --context C, --dry-run)",
        };
        var command = new Command("ps", "Lists the running AppHost's resources") { ephemeral };
        command.TreatUnmatchedTokensAsErrors = false;
        command.SetAction(ParityCommandLine.Handled(async (parseResult, _) =>
        {
            var project = ParityCommandLine.AppHostOf(parseResult);
            var forwarded = ParityCommandLine.ForwardedTokens(parseResult);
            if (parseResult.GetValue(ephemeral))
            {
                return await ChildProcess.RunAttachedAsync(DotnetCommands.Dotnet, DotnetCommands.Run(project, ["ps", "--ephemeral", .. forwarded]));
            }
            if (forwarded.Count > 0)
            {
                throw new CliException($"Unrecognized argument '{forwarded[0]}' for ps: only ps --ephemeral takes more.", 2);
            }
            var run = RunState.ReadLive(project.RunFile) ?? throw ResourceServiceClient.NotRunning();
            Console.WriteLine(OutputFormat.ResourceTable(run.Resources));
            return 0;
        }));
        return command;
    }

    public static Command Stop()
    {
        var timeout = new Option<int>("--timeout")
        {
            Description = "Seconds to wait for a graceful stop before killing the AppHost",
            DefaultValueFactory = _ => 90,
        };
        var persistent = new Option<bool>("--persistent")
        {
            Description = "Also stop the persistent resources it leaves running (and earlier runs left), removing their own data",
        };
        var command = new Command("stop", "Stops the running AppHost and every resource it started") { timeout, persistent };
        command.SetAction(ParityCommandLine.Handled((parseResult, _) => AppHostStopper.StopAsync(
            ParityCommandLine.AppHostOf(parseResult), TimeSpan.FromSeconds(parseResult.GetValue(timeout)), parseResult.GetValue(persistent))));
        return command;
    }
}
