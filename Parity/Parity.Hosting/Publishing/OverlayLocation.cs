using Parity.Hosting.Publishing.Kubernetes;

namespace Parity.Hosting.Publishing;

/// <summary>
/// The overlay a verb works on: <c>--overlay ENV</c> (dev by default) under <c>--output DIR</c>/deploy/kubernetes,
/// DIR being where <c>publish</c> writes (the solution root by default).
/// </summary>
internal sealed record OverlayLocation(string Name, string Directory)
{
    public const string DefaultOverlay = "dev";

    public static OverlayLocation FromArgs(string[] args, string appHostDirectory)
    {
        var name = PublishCommand.ValueOf(args, "--overlay") ?? DefaultOverlay;
        var tree = Path.GetFullPath(PublishCommand.ValueOf(args, "--output") ?? PublishCommand.SolutionRoot(appHostDirectory));
        return new OverlayLocation(name, Path.Combine(tree, KubernetesPublisher.RelativeDirectory, "overlays", name));
    }
}
