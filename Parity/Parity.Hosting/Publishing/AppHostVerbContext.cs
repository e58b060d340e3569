using Microsoft.Extensions.Configuration;
using Parity.Hosting.ApplicationModel;

namespace Parity.Hosting.Publishing;

/// <summary>What a verb works from: the model as publishing sees it, the verb's arguments and the AppHost's configuration.</summary>
/// <param name="DashboardRuns">Whether a local run of this AppHost starts the dashboard (and so sends telemetry to it).</param>
public sealed record AppHostVerbContext(
    DistributedApplicationModel Model, IReadOnlyList<string> Args, string AppHostDirectory, IConfiguration Configuration, bool DashboardRuns)
{
    /// <summary>The value after <paramref name="option"/> in the arguments, if given.</summary>
    public string? ValueOf(string option) =>
        Args.Zip(Args.Skip(1)).Where(p => p.First == option).Select(p => p.Second).FirstOrDefault();

    public bool Has(string option) => Args.Contains(option);

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

    /// <summary>Where <c>publish</c> writes (<c>--output DIR</c>, else the solution root).</summary>
    public string OutputDirectory => Path.GetFullPath(ValueOf("--output") ?? SolutionRoot);
}
