using System.Globalization;
using System.Text.Json;
using Parity.Tests;

namespace Parity.Cli.Tests;

/// <summary>
/// The built CLI against the fixture AppHost (one service with a health check, one plain program, one persistent), in a temporary
/// state folder with random ports and no dashboard. The tests of this class run one after another: they build the
/// same fixture.
/// </summary>
public sealed class CliProcessTests : IAsyncDisposable
{
    private static readonly string[] AppHostArguments = ["--", "--Parity:RandomizePorts=true", "--Parity:DisableDashboard=true"];

    private readonly string _state = Directory.CreateTempSubdirectory("parity-cli-state-").FullName;

    private string RunFile => Path.Combine(_state, "run.json");

    [Fact]
    public async Task StartPsLogsRestartDescribeAndStopARunningAppHost()
    {
        var started = await Cli(["start", .. AppHostArguments]);
        Assert.True(started.ExitCode == 0, started.ToString());
        Assert.Matches(@"api\s+Project\s+(Healthy|Running)\s+Session\s+0\s+http://localhost:\d+", started.Output);
        Assert.Contains("sleeper", started.Output);

        var run = ReadRun();
        var appHostPid = run.GetProperty("appHostPid").GetInt32();
        Assert.True(ProcessProbe.IsAlive(appHostPid));

        var ps = await Cli("ps");
        Assert.Equal(0, ps.ExitCode);
        Assert.Matches(@"(?m)^NAME\s+KIND\s+STATE\s+LIFETIME\s+RESTARTS\s+URLS$", ps.Output);
        Assert.Matches(@"(?m)^api\s+Project\s", ps.Output);
        Assert.Matches(@"(?m)^sleeper\s+Executable\s+Running\s+Session\s", ps.Output);
        Assert.Matches(@"(?m)^keeper\s+Executable\s+Running\s+Persistent\s", ps.Output);
        var keeperPid = run.GetProperty("resources").EnumerateArray().Single(r => r.GetProperty("name").GetString() == "keeper")
            .GetProperty("replicas")[0].GetProperty("pid").GetInt32();

        var again = await Cli(["start", .. AppHostArguments]);
        Assert.True(again.ExitCode == 1, again.ToString());
        Assert.Contains($"An AppHost is already running here (pid {appHostPid}", again.Error);

        var unknownResource = await Cli("resource", "nope", "restart");
        Assert.True(unknownResource.ExitCode == 1, unknownResource.ToString());
        Assert.Contains("No resource is named 'nope'.", unknownResource.Error);
        var unknownCommand = await Cli("resource", "api", "explode");
        Assert.True(unknownCommand.ExitCode == 1, unknownCommand.ToString());
        Assert.Contains("'explode'", unknownCommand.Error);

        var firstPid = ApiPid();
        var logs = await Cli("logs", "api");
        Assert.True(logs.ExitCode == 0, logs.ToString());
        Assert.Contains($"test service {firstPid} listening", logs.Output);

        var restarted = await Cli("resource", "api", "restart");
        Assert.True(restarted.ExitCode == 0, restarted.ToString());
        var secondPid = await WaitForNewApiPidAsync(firstPid);
        Assert.True(ProcessProbe.IsAlive(secondPid));

        var described = await Cli("describe", "api");
        Assert.True(described.ExitCode == 0, described.ToString());
        Assert.Contains($"pid {secondPid}", described.Output);
        Assert.Contains("GREETING=hello from the cli fixture", described.Output);
        Assert.Contains($"API_TOKEN={OutputFormat.SecretMask} (secret)", described.Output);
        Assert.DoesNotContain("cli-test-token", described.Output);

        // Everything the AppHost started for the session, and the `dotnet run` that started it.
        var startedProcesses = (int[])[appHostPid, ParentOf(appHostPid), .. ProcessProbe.DescendantsOf(appHostPid).Where(p => p != keeperPid)];
        Assert.Contains(secondPid, startedProcesses);

        var stopped = await Cli("stop");
        Assert.True(stopped.ExitCode == 0, stopped.ToString());
        Assert.Contains($"pid {appHostPid}", stopped.Output);
        Assert.False(File.Exists(RunFile));
        Assert.Empty(await ProcessProbe.WaitUntilGoneAsync(startedProcesses, TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken));
        Assert.True(ProcessProbe.IsAlive(keeperPid), "parity stop stopped a persistent resource");

        var stoppedForGood = await Cli("stop", "--persistent");
        Assert.True(stoppedForGood.ExitCode == 0, stoppedForGood.ToString());
        Assert.Contains($"Stopped the persistent resources: keeper (pid {keeperPid})", stoppedForGood.Output);
        Assert.False(ProcessProbe.IsAlive(keeperPid));
    }

    [Fact]
    public async Task PsStopAndLogsSayWhenNothingRuns()
    {
        foreach (var command in (string[][])[["ps"], ["stop"], ["logs", "api"], ["describe"]])
        {
            var result = await Cli(command);
            Assert.True(result.ExitCode == 1, result.ToString());
            Assert.Contains("No AppHost is running here.", result.Error);
        }
    }

    [Fact]
    public async Task StartFailsWithTheAppHostsOutputWhenItExits()
    {
        // The fixture then declares a program this machine lacks: the AppHost reports it and exits before starting anything.
        var result = await Cli(["start", .. AppHostArguments, "--Parameters:fail=true"]);

        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Contains("The AppHost exited with code 1", result.Error);
        Assert.Contains("parity-no-such-program", result.Error);
        Assert.False(File.Exists(RunFile));
    }

    [Fact]
    public async Task RunPassesTheAppHostsExitCodeThrough()
    {
        var result = await Cli(["run", .. AppHostArguments, "--Parameters:fail=true"]);

        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Contains("parity-no-such-program", result.Output + result.Error);
    }

    [Fact]
    public async Task PublishHandsItsArgumentsToTheAppHostUntouched()
    {
        var output = Path.Combine(_state, "published");

        var result = await Cli("publish", "--output", output);

        // The fixture does not reference Parity.Hosting.Kubernetes: it publishes the manifest alone.
        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.True(File.Exists(Path.Combine(output, "aspire-manifest.json")), result.ToString());
        Assert.False(Directory.Exists(Path.Combine(output, "deploy")));
    }

    [Fact]
    public async Task PsEphemeralHandsOverToTheAppHostWhilePlainPsTakesNoOtherArgument()
    {
        var ephemeral = await Cli("ps", "--ephemeral", "--dry-run");
        var stray = await Cli("ps", "--dry-run");

        // The fixture does not reference Parity.Hosting.Kubernetes, so the AppHost it hands over to has no ps verb to run.
        Assert.True(ephemeral.ExitCode == 1, ephemeral.ToString());
        Assert.Contains("'ps' is neither a verb of this AppHost", ephemeral.Error);
        Assert.True(stray.ExitCode == 2, stray.ToString());
        Assert.Contains("Unrecognized argument '--dry-run' for ps", stray.Error);
    }

    [Fact]
    public async Task DoctorFindsNothingMissingForAnAppHostWithPostgresRedisAndRabbitMQ()
    {
        // Installed by scripts/install-prerequisites.sh, which test.sh runs first.
        var result = await CliProcess.RunAsync(Path.GetTempPath(), "doctor", "--project", CliPaths.BackingServicesAppHost);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("Nothing is missing.", result.Output);
    }

    [Fact]
    public async Task DoctorListsAMissingProgramWithItsHint()
    {
        var result = await Cli("doctor", "--", "--Parameters:fail=true");

        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Matches(@"(?m)^RESOURCE\s+PROGRAM\s+PACKAGE$", result.Output);
        Assert.Matches(@"(?m)^broken\s+parity-no-such-program\s+\(install the program", result.Output);
    }

    public async ValueTask DisposeAsync()
    {
        // A failed test may leave the AppHost running: its children die with it (parent-death signal).
        if (File.Exists(RunFile) && ReadRun().GetProperty("appHostPid").GetInt32() is var pid && ProcessProbe.IsAlive(pid))
        {
            System.Diagnostics.Process.GetProcessById(pid).Kill();
            await ProcessProbe.WaitUntilGoneAsync([pid], TimeSpan.FromSeconds(30), CancellationToken.None);
        }
        if (Directory.Exists(Path.Combine(_state, "persistent")))
        {
            await Cli("stop", "--persistent"); // and what it left persistent
        }
        Directory.Delete(_state, recursive: true);
    }

    private Task<CliProcess.Result> Cli(params string[] arguments) =>
        CliProcess.RunAsync(Path.GetTempPath(), [.. arguments.TakeWhile(a => a != "--"), "--project", CliPaths.FixtureAppHost, "--state-dir", _state,
            .. arguments.SkipWhile(a => a != "--")]);

    private JsonElement ReadRun()
    {
        using var document = JsonDocument.Parse(File.ReadAllText(RunFile));
        return document.RootElement.Clone();
    }

    private int? ApiPidOrNull() => ReadRun().GetProperty("resources").EnumerateArray()
        .Single(r => r.GetProperty("name").GetString() == "api")
        .GetProperty("replicas").EnumerateArray().Select(r => r.GetProperty("pid")).FirstOrDefault() is { ValueKind: JsonValueKind.Number } pid
            ? pid.GetInt32()
            : null;

    private int ApiPid() => ApiPidOrNull() ?? throw new InvalidOperationException("api has no process in run.json");

    /// <summary>run.json is rewritten as states change: wait for the restarted replica to show.</summary>
    private async Task<int> WaitForNewApiPidAsync(int oldPid)
    {
        while (true)
        {
            if (ApiPidOrNull() is { } pid && pid != oldPid)
            {
                return pid;
            }
            await Task.Delay(200, TestContext.Current.CancellationToken);
        }
    }

    private static int ParentOf(int pid)
    {
        var stat = File.ReadAllText($"/proc/{pid}/stat");
        return int.Parse(stat[(stat.LastIndexOf(')') + 2)..].Split(' ')[1], CultureInfo.InvariantCulture);
    }
}
