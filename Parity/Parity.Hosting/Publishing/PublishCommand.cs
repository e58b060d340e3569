using Parity.Hosting.ApplicationModel;

namespace Parity.Hosting.Publishing;

/// <summary>
/// The AppHost's <c>publish</c> verb: <c>publish [--output DIR]</c>, or Aspire's <c>--publisher manifest --output-path FILE</c>.
/// Without an output, the manifest goes to the solution root, wherever the command runs from.
/// </summary>
internal static class PublishCommand
{
    public const string ManifestFileName = "aspire-manifest.json";

    public static string Run(DistributedApplicationModel model, string[] args, string appHostDirectory)
    {
        var manifestPath = ValueOf(args, "--output-path")
            ?? Path.Combine(ValueOf(args, "--output") ?? SolutionRoot(appHostDirectory), ManifestFileName);
        ManifestPublisher.Write(model, Path.GetFullPath(manifestPath));
        return manifestPath;
    }

    private static string? ValueOf(string[] args, string option) =>
        args.Zip(args.Skip(1)).Where(p => p.First == option).Select(p => p.Second).FirstOrDefault();

    private static string SolutionRoot(string appHostDirectory)
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
