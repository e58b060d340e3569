using Parity.Hosting.Publishing;

namespace Parity.Hosting.Kubernetes;

/// <summary>
/// The overlay a verb works on: <c>--overlay ENV</c> (dev by default) under <c>--output DIR</c>/deploy/kubernetes,
/// DIR being where <c>publish</c> writes (the solution root by default).
/// </summary>
internal sealed record OverlayLocation(string Name, string Directory)
{
    public const string DefaultOverlay = "dev";

    public static OverlayLocation Of(AppHostVerbContext context)
    {
        var name = context.ValueOf("--overlay") ?? DefaultOverlay;
        return new OverlayLocation(name, Path.Combine(context.OutputDirectory, KubernetesPublisher.RelativeDirectory, "overlays", name));
    }
}
