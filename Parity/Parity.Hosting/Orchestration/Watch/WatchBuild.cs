using Parity.Hosting.ApplicationModel;

namespace Parity.Hosting.Orchestration;

/// <summary>
/// One <c>dotnet build</c> of watch mode. The built project goes to a fresh folder, so the running processes' files are
/// never overwritten under them; so does any other project this run runs. The projects it merely references build where
/// they always do: with the output folder a global property, each would be copied anew and everything above it
/// compiled again. Analyzers and nullable analysis are skipped, as Visual Studio skips them for the build of an F5.
/// </summary>
internal sealed class WatchBuild
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(5);

    // Imported by every project of the build before the SDK derives its paths from OutDir.
    private const string OutputTargets = """
        <Project>
          <PropertyGroup Condition="'$(MSBuildProjectFullPath)' == '$(ParityWatchProject)'">
            <OutDir>$(ParityWatchOutDir)</OutDir>
          </PropertyGroup>
          <PropertyGroup Condition="'$(MSBuildProjectFullPath)' != '$(ParityWatchProject)' and $(ParityWatchRunning.Contains('|$(MSBuildProjectFullPath)|'))">
            <OutDir>$(ParityWatchOutDir)$(MSBuildProjectName)/</OutDir>
          </PropertyGroup>
        </Project>
        """;

    private readonly string _targets;
    private readonly string _running;

    /// <param name="folder">Where the build's targets file is written.</param>
    /// <param name="runningProjects">The project files this run runs.</param>
    public WatchBuild(string folder, IEnumerable<string> runningProjects)
    {
        _targets = Path.Combine(folder, "parity-watch.targets");
        File.WriteAllText(_targets, OutputTargets);
        _running = "|" + string.Join("|", runningProjects) + "|";
    }

    /// <summary>
    /// Builds <paramref name="project"/> into <paramref name="output"/>. Restores, and builds the projects it references,
    /// only when asked (their outputs are otherwise taken as they are); leaves no MSBuild node behind, and dies with the
    /// AppHost as its other children do.
    /// </summary>
    public async Task<(int ExitCode, IReadOnlyList<string> Lines)> RunAsync(
        string project, string output, bool restore, bool buildReferences, IReadOnlyList<string> compilerProperties)
    {
        string[] args =
        [
            "build", project, "--nologo", "-v", "q", "-clp:ErrorsOnly;NoSummary", "-nodeReuse:false",
            $"-p:CustomBeforeMicrosoftCommonTargets={_targets}", $"-p:ParityWatchProject={project}",
            $"-p:ParityWatchOutDir={output}", $"-p:ParityWatchRunning={_running}",
            "-p:IsImplicitlyTriggeredBuild=true", "-p:OptimizeImplicitlyTriggeredBuild=true",
            .. compilerProperties, .. restore ? Array.Empty<string>() : ["--no-restore"],
            .. buildReferences ? Array.Empty<string>() : ["-p:BuildProjectReferences=false"],
        ];
        var lines = new List<string>();
        var exitCode = await ProcessStarter.RunToExitAsync(
            new ProcessSpec("dotnet", args, Path.GetDirectoryName(project)!, new Dictionary<string, string>()),
            (line, _) =>
            {
                lock (lines)
                {
                    lines.Add(line.Trim());
                }
            },
            Timeout);
        lock (lines)
        {
            return (exitCode, [.. lines.Where(l => l.Length > 0)]);
        }
    }
}
