using Parity.Hosting.ApplicationModel;
using Parity.Hosting.Orchestration;

namespace Parity.Hosting.Tests;

/// <summary>What the wrappers around a started process (private files, a persistent console log) pass on to it.</summary>
public sealed class ProcessStarterTests
{
    // YARP reads its clusters from variables like this one: a name that is not a shell identifier.
    private static readonly Dictionary<string, string> Environment = new() { ["ReverseProxy__Clusters__catalog-api__Address"] = "http://catalog" };

    [Fact]
    public async Task AProcessWithPrivateFilesGetsUmask077AndEveryVariable()
    {
        Assert.Contains("0077", await OutputOfAsync(new ProcessSpec("/bin/sh", ["-c", "umask"], Path.GetTempPath(), Environment) { PrivateFiles = true }));
        Assert.Contains("ReverseProxy__Clusters__catalog-api__Address=http://catalog",
            await OutputOfAsync(new ProcessSpec("env", [], Path.GetTempPath(), Environment) { PrivateFiles = true }));
    }

    [Fact]
    public async Task APersistentProcessGetsEveryVariable()
    {
        var log = Path.GetTempFileName();
        using var process = await ProcessStarter.StartPersistentAsync(new ProcessSpec("env", [], Path.GetTempPath(), Environment), log);
        await process.WaitForExitAsync(TestApp.Timeout());

        Assert.Contains("ReverseProxy__Clusters__catalog-api__Address=http://catalog", await File.ReadAllLinesAsync(log, TestContext.Current.CancellationToken));
        File.Delete(log);
    }

    private static async Task<List<string>> OutputOfAsync(ProcessSpec spec)
    {
        var lines = new List<string>();
        Assert.Equal(0, await ProcessStarter.RunToExitAsync(spec, (line, _) => { lock (lines) { lines.Add(line); } }, TimeSpan.FromSeconds(30)));
        return lines;
    }
}
