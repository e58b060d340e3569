namespace Parity.Hosting.Publishing;

/// <summary>
/// The AppHost's <c>publish</c> verb: <c>publish [--output DIR]</c>, or Aspire's <c>--publisher manifest --output-path FILE</c>.
/// Without an output, the artifacts go to the solution root, wherever the command runs from: aspire-manifest.json and,
/// unless only the manifest was asked for (<c>--output-path</c>), what each extension publishes (deploy/kubernetes/).
/// </summary>
internal static class PublishCommand
{
    public const string ManifestFileName = "aspire-manifest.json";

    public static IReadOnlyList<string> Run(AppHostVerbContext context, IReadOnlyList<IAppHostExtension> extensions)
    {
        if (context.ValueOf("--output-path") is { } manifestOnly)
        {
            ManifestPublisher.Write(context.Model, Path.GetFullPath(manifestOnly));
            return [manifestOnly];
        }
        var manifestPath = Path.Combine(context.OutputDirectory, ManifestFileName);
        ManifestPublisher.Write(context.Model, manifestPath);
        return [manifestPath, .. extensions.SelectMany(e => e.Publish(context, context.OutputDirectory))];
    }
}
