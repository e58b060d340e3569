using System.Collections.Concurrent;
using System.Diagnostics;
using Parity.Hosting.ApplicationModel;

namespace Parity.Hosting.Orchestration;

/// <summary>
/// Finds the dll to start for a project. Generated <c>Projects.X</c> types name their built output; a project known
/// only by its path (or whose output is missing) is built once per run of the AppHost, however many replicas it has.
/// </summary>
internal static class ProjectOutputResolver
{
    private static readonly ConcurrentDictionary<string, Lazy<Task<string>>> Builds = new();

    public static Task<string> ResolveAsync(ProjectResource project)
    {
        var metadata = project.Metadata;
        if (metadata.TargetPath is { } targetPath && File.Exists(targetPath))
        {
            return Task.FromResult(targetPath);
        }
        return Builds.GetOrAdd(Path.GetFullPath(metadata.ProjectPath), path => new Lazy<Task<string>>(() => BuildAsync(path))).Value;
    }

    private static async Task<string> BuildAsync(string projectPath)
    {
        await RunDotnetAsync("build", projectPath, "--nologo", "-v", "q", "-clp:ErrorsOnly");
        var targetPath = (await RunDotnetAsync("msbuild", projectPath, "-getProperty:TargetPath", "-p:Configuration=Debug")).Trim();
        return File.Exists(targetPath)
            ? targetPath
            : throw new DistributedApplicationException($"Building '{projectPath}' produced no output at '{targetPath}'.");
    }

    /// <summary>Runs <c>dotnet</c> with the arguments to its end: its output, or an exception with everything it printed.</summary>
    internal static async Task<string> RunDotnetAsync(params string[] args)
    {
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }
        using var process = Process.Start(info)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return process.ExitCode == 0
            ? await output
            : throw new DistributedApplicationException(
                $"'dotnet {string.Join(' ', args)}' failed with exit code {process.ExitCode}:{Environment.NewLine}{await output}{await error}");
    }
}
