using Parity.Tests;

namespace Parity.Hosting.Tests;

/// <summary>An AppHost as its own process, ended the ways a user or the system ends it.</summary>
public sealed class AppHostProcessTests
{
    private static readonly string AppHostDll = new Projects.TestAppHost().TargetPath!;

    [Fact]
    public async Task KillingTheAppHostWithSigkillLeavesNoProcessBehind()
    {
        await using var appHost = RunningAppHost.Start(AppHostDll);
        await appHost.WaitForResourceStateAsync("worker", "Running", TestApp.Timeout());
        await appHost.WaitForResourceStateAsync("cache", "Healthy", TestApp.Timeout());
        await appHost.WaitForResourceStateAsync("storage", "Healthy", TestApp.Timeout());
        await appHost.WaitForResourceStateAsync("pg", "Healthy", TestApp.Timeout());
        await appHost.WaitForResourceStateAsync("bus", "Healthy", TestApp.Timeout());
        var pids = ProcessProbe.DescendantsOf(appHost.Process.Id);
        Assert.Superset(appHost.Pids().ToHashSet(), pids.ToHashSet());

        appHost.Signal("KILL");
        await appHost.Process.WaitForExitAsync(TestApp.Timeout());

        Assert.Empty(await ProcessProbe.WaitUntilGoneAsync(pids, TimeSpan.FromSeconds(30), TestApp.Timeout()));
    }

    [Fact]
    public async Task APersistentResourceOutlivesASigkilledAppHostUntilTheStopVerbStopsIt()
    {
        await using var appHost = RunningAppHost.Start(AppHostDll, "--Parameters:persistent=true");
        var keeper = await appHost.WaitForResourceStateAsync("keeper", "Running", TestApp.Timeout());
        await appHost.WaitForResourceStateAsync("worker", "Running", TestApp.Timeout());
        Assert.Equal("Persistent", keeper.GetProperty("lifetime").GetString());
        Assert.Equal("Session", (await appHost.WaitForResourceStateAsync("worker", "Running", TestApp.Timeout())).GetProperty("lifetime").GetString());
        var keeperPid = RunningAppHost.PidOf(keeper);
        var sessionPids = ProcessProbe.DescendantsOf(appHost.Process.Id).Where(p => p != keeperPid).ToList();

        appHost.Signal("KILL");
        await appHost.Process.WaitForExitAsync(TestApp.Timeout());

        Assert.Empty(await ProcessProbe.WaitUntilGoneAsync(sessionPids, TimeSpan.FromSeconds(30), TestApp.Timeout()));
        Assert.True(ProcessProbe.IsAlive(keeperPid), "a persistent resource died with its AppHost");
        var (exitCode, output) = await appHost.StopPersistentAsync();
        Assert.True(exitCode == 0, output);
        Assert.Contains($"Stopping 'keeper' (pid {keeperPid})", output);
        Assert.False(ProcessProbe.IsAlive(keeperPid));
        Assert.Empty(Directory.GetFiles(Path.Combine(appHost.StateDirectory, "persistent")));
    }

    [Fact]
    public async Task SigtermStopsEveryResourceAndRemovesRunJson()
    {
        await using var appHost = RunningAppHost.Start(AppHostDll);
        await appHost.WaitForResourceStateAsync("worker", "Running", TestApp.Timeout());
        var pids = appHost.Pids();

        appHost.Signal("TERM");
        await appHost.Process.WaitForExitAsync(TestApp.Timeout());

        Assert.Equal(0, appHost.Process.ExitCode);
        Assert.DoesNotContain(pids, ProcessProbe.IsAlive);
        Assert.False(File.Exists(appHost.RunFile));
    }

    [Fact]
    public async Task AnInvalidAppHostExitsWithTheErrorsAndStartsNothing()
    {
        await using var appHost = RunningAppHost.Start(AppHostDll, "--Parameters:fail=true");
        await appHost.Process.WaitForExitAsync(TestApp.Timeout());

        Assert.Equal(1, appHost.Process.ExitCode);
        Assert.Contains("Resource 'broken' needs 'parity-no-such-program', which was not found", appHost.Output);
        Assert.False(File.Exists(appHost.RunFile));
    }

    [Fact]
    public async Task AMistypedVerbExitsWithAnErrorAndStartsNothing()
    {
        await using var appHost = RunningAppHost.Start(AppHostDll, "publsh");
        await appHost.Process.WaitForExitAsync(TestApp.Timeout());

        Assert.Equal(1, appHost.Process.ExitCode);
        Assert.Contains("'publsh' is neither a verb of this AppHost (publish, doctor, stop)", appHost.Output);
        Assert.False(File.Exists(appHost.RunFile));
    }

    [Fact]
    public async Task HelpListsTheVerbsAndStartsNothing()
    {
        await using var appHost = RunningAppHost.Start(AppHostDll, "--help");
        await appHost.Process.WaitForExitAsync(TestApp.Timeout());

        Assert.Equal(0, appHost.Process.ExitCode);
        Assert.Contains("publish", appHost.Output);
        Assert.Contains("doctor", appHost.Output);
        Assert.Contains("--Key=value", appHost.Output);
        Assert.False(File.Exists(appHost.RunFile));
    }
}
