using System.Diagnostics;
using System.Text.Json.Nodes;
using Parity.Hosting;

namespace Compatibility.Tests;

/// <summary>What an AppHost publishes (<c>publish --output</c>, run as its own process): the manifest and the cluster's files.</summary>
internal sealed class PublishedAppHost
{
    private PublishedAppHost(string directory) => Directory = directory;

    public string Directory { get; }

    public JsonObject Manifest => (JsonObject)JsonNode.Parse(File.ReadAllText(Path.Combine(Directory, "aspire-manifest.json")))!;

    public JsonObject Resource(string name) => (JsonObject)Manifest["resources"]![name]!;

    /// <summary>A file of the kustomize base, by its name (<c>grafana-statefulset.yaml</c>).</summary>
    public string ClusterFile(string name) => File.ReadAllText(Path.Combine(Directory, "deploy", "kubernetes", "base", name));

    public IEnumerable<string> ClusterFiles =>
        System.IO.Directory.EnumerateFiles(Path.Combine(Directory, "deploy", "kubernetes", "base")).Select(Path.GetFileName)!;

    public static async Task<PublishedAppHost> PublishAsync(IProjectMetadata appHost)
    {
        var output = System.IO.Directory.CreateTempSubdirectory("parity-compat-").FullName;
        var (exitCode, stderr) = await RunAsync(appHost, "publish", "--output", output);
        Assert.True(exitCode == 0, $"publish failed ({exitCode}): {stderr}");
        return new PublishedAppHost(output);
    }

    /// <summary>Runs the AppHost's built dll with the given arguments to its end.</summary>
    public static async Task<(int ExitCode, string Stderr)> RunAsync(IProjectMetadata appHost, params string[] args)
    {
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        info.ArgumentList.Add(appHost.TargetPath!);
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }
        info.Environment["Parity__StateDirectory"] = System.IO.Directory.CreateTempSubdirectory("parity-compat-state-").FullName;
        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        await process.WaitForExitAsync(TestContext.Current.CancellationToken);
        await stdout;
        return (process.ExitCode, await stderr);
    }
}
