using Parity.Hosting.ApplicationModel;
using Parity.Hosting.Publishing.Kubernetes;

namespace Parity.Hosting.Publishing;

/// <summary>
/// The AppHost's <c>publish</c> verb: <c>publish [--output DIR]</c>, or Aspire's <c>--publisher manifest --output-path FILE</c>.
/// Without an output, the artifacts go to the solution root, wherever the command runs from: aspire-manifest.json and,
/// unless only the manifest was asked for (<c>--output-path</c>), deploy/kubernetes/. With <c>--include-dashboard</c>
/// (or <c>Parity:IncludeDashboard=true</c> in the AppHost's configuration) the cluster also runs the dashboard and every
/// project exports telemetry to it, as with Aspir8's option of that name; aspire-manifest.json never carries it, as
/// Aspire's does not.
/// </summary>
internal static class PublishCommand
{
    public const string ManifestFileName = "aspire-manifest.json";

    /// <summary>The application's name in the cluster (namespaces <c>NAME-dev</c>, ..., Secret <c>NAME-secrets</c>).</summary>
    public const string AppNameKey = "Parity:AppName";

    public const string DefaultAppName = "app";

    public const string IncludeDashboardOption = "--include-dashboard";

    /// <summary>The same choice as configuration, so an AppHost that always publishes the dashboard says so once.</summary>
    public const string IncludeDashboardKey = "Parity:IncludeDashboard";

    public static IReadOnlyList<string> Run(DistributedApplicationModel model, string[] args, string appHostDirectory, string? appName, bool includeDashboard)
    {
        if (ValueOf(args, "--output-path") is { } manifestOnly)
        {
            ManifestPublisher.Write(model, Path.GetFullPath(manifestOnly));
            return [manifestOnly];
        }
        var output = Path.GetFullPath(ValueOf(args, "--output") ?? SolutionRoot(appHostDirectory));
        var manifestPath = Path.Combine(output, ManifestFileName);
        ManifestPublisher.Write(model, manifestPath);
        var cluster = includeDashboard || args.Contains(IncludeDashboardOption)
            ? new DistributedApplicationModel([.. model.Resources, new ClusterDashboardResource()])
            : model;
        return [manifestPath, KubernetesPublisher.Write(cluster, output, appName ?? DefaultAppName)];
    }

    public static string? ValueOf(string[] args, string option) =>
        args.Zip(args.Skip(1)).Where(p => p.First == option).Select(p => p.Second).FirstOrDefault();

    public static string SolutionRoot(string appHostDirectory)
    {
        for (var dir = new DirectoryInfo(appHostDirectory); dir is not null; dir = dir.Parent)
        {
            if (dir.EnumerateFiles("*.sln").Any())
            {
                return dir.FullName;
            }
        }
        return appHostDirectory;
    }
}
