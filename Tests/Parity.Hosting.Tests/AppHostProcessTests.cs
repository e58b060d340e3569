using System.Diagnostics;
using System.Text.Json;

namespace Parity.Hosting.Tests;

/// <summary>An AppHost as its own process, ended the ways a user or the system ends it.</summary>
public sealed class AppHostProcessTests
{
    [Fact]
    public async Task KillingTheAppHostWithSigkillLeavesNoProcessBehind()
    {
        var (appHost, state) = StartTestAppHost();
        var pids = await WaitForRunningPidsAsync(state, count: 3);

        appHost.Kill();
        await appHost.WaitForExitAsync(TestContext.Current.CancellationToken);

        Assert.Empty(await ProcessProbe.WaitUntilGoneAsync(pids, TimeSpan.FromSeconds(30)));
    }

    [Fact]
    public async Task SigtermStopsEveryResourceAndRemovesRunJson()
    {
        var (appHost, state) = StartTestAppHost();
        var pids = await WaitForRunningPidsAsync(state, count: 3);

        Process.Start("kill", ["-TERM", appHost.Id.ToString()]).WaitForExit();
        await appHost.WaitForExitAsync(TestApp.Timeout());

        Assert.Equal(0, appHost.ExitCode);
        Assert.DoesNotContain(pids, ProcessProbe.IsAlive);
        Assert.False(File.Exists(Path.Combine(state, "run.json")));
    }

    [Fact]
    public async Task AnInvalidAppHostExitsWithTheErrorsAndStartsNothing()
    {
        var (appHost, state) = StartTestAppHost("--Parameters:fail=true");
        var stderr = await appHost.StandardError.ReadToEndAsync(TestApp.Timeout());
        await appHost.WaitForExitAsync(TestApp.Timeout());

        Assert.Equal(1, appHost.ExitCode);
        Assert.Contains("Resource 'broken' needs 'parity-no-such-program', which was not found", stderr);
        Assert.False(File.Exists(Path.Combine(state, "run.json")));
    }

    private static (Process AppHost, string StateDirectory) StartTestAppHost(params string[] args)
    {
        var state = Directory.CreateTempSubdirectory("parity-apphost-").FullName;
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in (string[])[new Projects.TestAppHost().TargetPath!, state, .. args])
        {
            info.ArgumentList.Add(arg);
        }
        var process = Process.Start(info)!;
        process.OutputDataReceived += (_, _) => { }; // drain, so a full pipe never blocks the AppHost
        process.BeginOutputReadLine();
        return (process, state);
    }

    private static async Task<IReadOnlyList<int>> WaitForRunningPidsAsync(string state, int count)
    {
        var runFile = Path.Combine(state, "run.json");
        var token = TestApp.Timeout();
        while (true)
        {
            token.ThrowIfCancellationRequested();
            if (File.Exists(runFile))
            {
                using var run = JsonDocument.Parse(await File.ReadAllTextAsync(runFile, token));
                var pids = run.RootElement.GetProperty("resources").EnumerateArray()
                    .SelectMany(r => r.GetProperty("replicas").EnumerateArray())
                    .Where(r => r.GetProperty("pid").ValueKind == JsonValueKind.Number)
                    .Select(r => r.GetProperty("pid").GetInt32())
                    .ToList();
                if (pids.Count == count)
                {
                    return pids;
                }
            }
            await Task.Delay(200, token);
        }
    }
}
