using System.Diagnostics;
using Parity.Hosting.ApplicationModel;

namespace Parity.Hosting.Orchestration;

/// <summary>
/// A warm C# compiler for watch mode's builds: Roslyn's compiler server, run as a child of the AppHost (so it dies with
/// it, however it dies) under a pipe name of this run's own, which the builds name (<c>SharedCompilationId</c>). A
/// compile then takes a fraction of a cold one, and no server of the builds' own outlives the run.
/// </summary>
internal sealed class CompilerServer(string program, string pipeName)
{
    private Process? _process;

    /// <summary>The MSBuild properties that send a build's compiles to this server.</summary>
    public IReadOnlyList<string> BuildProperties => ["-p:UseSharedCompilation=true", $"-p:SharedCompilationId={pipeName}"];

    /// <summary>The server of the SDK that builds <paramref name="project"/>; null when that SDK has none where expected.</summary>
    public static async Task<CompilerServer?> FindAsync(string project, string pipeName)
    {
        var info = new ProcessStartInfo("dotnet", ["msbuild", project, "-getProperty:RoslynTargetsPath"]) { RedirectStandardOutput = true, RedirectStandardError = true };
        using var msbuild = Process.Start(info)!;
        var output = (await msbuild.StandardOutput.ReadToEndAsync()).Trim();
        await msbuild.WaitForExitAsync();
        var program = Path.Combine(output, "bincore", "VBCSCompiler.dll");
        return msbuild.ExitCode == 0 && File.Exists(program) ? new CompilerServer(program, pipeName) : null;
    }

    /// <summary>Starts the server, or starts it again when it has ended (it stops by itself once idle for a while).</summary>
    public async Task EnsureRunningAsync()
    {
        if (_process is { HasExited: false })
        {
            return;
        }
        _process = await ProcessStarter.StartAsync(
            new ProcessSpec("dotnet", [program, $"-pipename:{pipeName}"], Path.GetDirectoryName(program)!, new Dictionary<string, string>()),
            (_, _) => { });
    }

    /// <summary>
    /// Has the server compile a small project of its own in <paramref name="folder"/>, so that the first edit finds a
    /// compiler that is loaded and compiled to native code, not one that starts cold.
    /// </summary>
    public async Task WarmUpAsync(string folder)
    {
        Directory.CreateDirectory(folder);
        foreach (var file in (string[])["Directory.Build.props", "Directory.Build.targets", "Directory.Packages.props"])
        {
            await File.WriteAllTextAsync(Path.Combine(folder, file), "<Project />"); // nothing of the solution's above it
        }
        await File.WriteAllTextAsync(Path.Combine(folder, "WarmUp.csproj"),
            "<Project Sdk=\"Microsoft.NET.Sdk\"><PropertyGroup><TargetFramework>net10.0</TargetFramework><ImplicitUsings>enable</ImplicitUsings></PropertyGroup></Project>");
        await File.WriteAllTextAsync(Path.Combine(folder, "WarmUp.cs"),
            "public record Item(string Name, int Count);\npublic static class WarmUp { public static int Total(IEnumerable<Item> items) => items.Where(i => i.Count > 0).Sum(i => i.Count); }\n");
        await EnsureRunningAsync();
        await ProcessStarter.RunToExitAsync(
            new ProcessSpec("dotnet", ["build", Path.Combine(folder, "WarmUp.csproj"), "-v", "q", "-nodeReuse:false", .. BuildProperties], folder, new Dictionary<string, string>()),
            (_, _) => { }, TimeSpan.FromMinutes(5));
    }

    public void Stop()
    {
        if (_process is { HasExited: false } process)
        {
            ProcessStarter.KillAll(process);
        }
    }
}
