using System.CommandLine;
using Microsoft.Extensions.Configuration;
using Parity.Hosting.ApplicationModel;

namespace Parity.Hosting.Publishing;

/// <summary>What a verb works from: the model as publishing sees it, the parsed command line and the AppHost's configuration.</summary>
/// <param name="ParseResult">The AppHost's arguments, parsed: a verb reads its options' values here.</param>
/// <param name="DashboardRuns">Whether a local run of this AppHost starts the dashboard (and so sends telemetry to it).</param>
/// <param name="StateDirectory">The AppHost's state folder (run.json, secrets, volumes, persistent resources).</param>
public sealed record AppHostVerbContext(
    DistributedApplicationModel Model, ParseResult ParseResult, string AppHostDirectory, IConfiguration Configuration, bool DashboardRuns,
    string StateDirectory)
{
    /// <summary>Where artifacts go by default: the folder holding the solution file above the AppHost, else the AppHost's folder.</summary>
    public string SolutionRoot
    {
        get
        {
            for (var dir = new DirectoryInfo(AppHostDirectory); dir is not null; dir = dir.Parent)
            {
                if (dir.EnumerateFiles("*.sln").Any() || dir.EnumerateFiles("*.slnx").Any())
                {
                    return dir.FullName;
                }
            }
            return AppHostDirectory;
        }
    }

    /// <summary>Where a verb's artifacts are: the folder its <c>--output</c> option names, else <see cref="SolutionRoot"/>.</summary>
    public string OutputDirectory(Option<string?> output) => Path.GetFullPath(ParseResult.GetValue(output) ?? SolutionRoot);
}
