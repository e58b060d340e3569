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
        try
        {
            var roslyn = (await ProjectOutputResolver.RunDotnetAsync("msbuild", project, "-getProperty:RoslynTargetsPath")).Trim();
            var program = Path.Combine(roslyn, "bincore", "VBCSCompiler.dll");
            return File.Exists(program) ? new CompilerServer(program, pipeName) : null;
        }
        catch (DistributedApplicationException)
        {
            return null; // the builds then compile without a server, as before
        }
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

    public void Stop()
    {
        if (_process is { HasExited: false } process)
        {
            ProcessStarter.KillAll(process);
        }
    }
}
