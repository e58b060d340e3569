namespace Parity.Hosting.Publishing;

/// <summary>
/// The AppHost's <c>publish</c> verb: <c>publish [--output DIR] [--format FORMAT]</c>, or Aspire's <c>--publisher manifest --output-path FILE</c>.
/// Without an output, the artifacts go to the solution root, wherever the command runs from: aspire-manifest.json and what
/// each extension publishes (deploy/kubernetes/, deploy/compose/); with <c>--format</c>, only that one (<c>manifest</c>, or an
/// extension's <see cref="IAppHostExtension.Format"/>); with Aspire's <c>--output-path</c>, only the manifest, to that file.
/// </summary>
internal static class PublishCommand
{
    public const string ManifestFileName = "aspire-manifest.json";

    public const string ManifestFormat = "manifest";

    /// <param name="outputDirectory">Where the artifacts go (<c>--output</c>, else the solution root).</param>
    /// <param name="manifestPath">The file given with Aspire's <c>--output-path</c>, if any: then only the manifest is written.</param>
    /// <param name="format">The one kind of artifact to write (<c>--format</c>), or null for every kind.</param>
    public static int Run(
        AppHostVerbContext context, IReadOnlyList<IAppHostExtension> extensions, string outputDirectory, string? manifestPath, string? format)
    {
        foreach (var published in Publish(context, extensions, outputDirectory, manifestPath, format))
        {
            Console.WriteLine($"Published {published}");
        }
        foreach (var warning in ImageVersionCheck.Warnings(context.Model))
        {
            Console.Error.WriteLine(warning);
        }
        return 0;
    }

    /// <summary>What <c>--format</c> accepts: the manifest, and each extension's format.</summary>
    public static string[] Formats(IReadOnlyList<IAppHostExtension> extensions) => [ManifestFormat, .. extensions.Select(e => e.Format)];

    private static IReadOnlyList<string> Publish(
        AppHostVerbContext context, IReadOnlyList<IAppHostExtension> extensions, string outputDirectory, string? manifestPath, string? format)
    {
        if (manifestPath is not null)
        {
            ManifestPublisher.Write(context.Model, Path.GetFullPath(manifestPath));
            return [manifestPath];
        }
        var published = new List<string>();
        if (format is null or ManifestFormat)
        {
            ManifestPublisher.Write(context.Model, Path.Combine(outputDirectory, ManifestFileName));
            published.Add(Path.Combine(outputDirectory, ManifestFileName));
        }
        published.AddRange(extensions.Where(e => format is null || e.Format == format).SelectMany(e => e.Publish(context, outputDirectory)));
        return published;
    }
}
