namespace Parity.Hosting.Publishing;

/// <summary>
/// The AppHost's <c>publish</c> verb: <c>publish [--output DIR]</c>, or Aspire's <c>--publisher manifest --output-path FILE</c>.
/// Without an output, the artifacts go to the solution root, wherever the command runs from: aspire-manifest.json and,
/// unless only the manifest was asked for (<c>--output-path</c>), what each extension publishes (deploy/kubernetes/).
/// </summary>
internal static class PublishCommand
{
    public const string ManifestFileName = "aspire-manifest.json";

    /// <param name="outputDirectory">Where the artifacts go (<c>--output</c>, else the solution root).</param>
    /// <param name="manifestPath">The file given with Aspire's <c>--output-path</c>, if any: then only the manifest is written.</param>
    public static int Run(AppHostVerbContext context, IReadOnlyList<IAppHostExtension> extensions, string outputDirectory, string? manifestPath)
    {
        foreach (var published in Publish(context, extensions, outputDirectory, manifestPath))
        {
            Console.WriteLine($"Published {published}");
        }
        foreach (var warning in ImageVersionCheck.Warnings(context.Model))
        {
            Console.Error.WriteLine(warning);
        }
        return 0;
    }

    private static IReadOnlyList<string> Publish(
        AppHostVerbContext context, IReadOnlyList<IAppHostExtension> extensions, string outputDirectory, string? manifestPath)
    {
        if (manifestPath is not null)
        {
            ManifestPublisher.Write(context.Model, Path.GetFullPath(manifestPath));
            return [manifestPath];
        }
        ManifestPublisher.Write(context.Model, Path.Combine(outputDirectory, ManifestFileName));
        return [Path.Combine(outputDirectory, ManifestFileName), .. extensions.SelectMany(e => e.Publish(context, outputDirectory))];
    }
}
