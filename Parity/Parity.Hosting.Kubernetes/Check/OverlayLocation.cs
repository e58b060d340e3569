using System.CommandLine;
using Parity.Hosting.Publishing;

namespace Parity.Hosting.Kubernetes;

/// <summary>
/// The overlay a verb works on: <c>--overlay ENV</c> (dev by default) under <c>--output DIR</c>/deploy/kubernetes,
/// DIR being where <c>publish</c> writes (the solution root by default).
/// </summary>
internal sealed record OverlayLocation(string Name, string Directory)
{
    public const string DefaultOverlay = "dev";

    public static Option<string> OverlayOption() =>
        new("--overlay") { Description = "The overlay (environment) to work on", DefaultValueFactory = _ => DefaultOverlay };

    public static Option<string?> OutputOption() =>
        new("--output") { Description = "The folder publish wrote deploy/kubernetes/ into; the solution root by default" };

    public static OverlayLocation Of(AppHostVerbContext context, Option<string> overlay, Option<string?> output)
    {
        var name = context.ParseResult.GetValue(overlay) ?? DefaultOverlay;
        return new OverlayLocation(name, Path.Combine(context.OutputDirectory(output), KubernetesPublisher.RelativeDirectory, "overlays", name));
    }
}
