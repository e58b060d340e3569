using System.Globalization;
using System.Text.Json.Nodes;

namespace Parity.Hosting.Kubernetes;

/// <summary>
/// What a deploy keeps of a blue/green or canary project as the cluster runs it, so that applying the overlay gives the
/// release to the idle colour or the canary only: the live colour's image and the Service's selector, or the stable
/// Deployment's image and the canary Ingress's weight. Each is a JSON patch a generated overlay applies on top of the
/// published one (see <see cref="ReleaseOverlay"/>); a project not in the cluster yet keeps nothing.
/// </summary>
/// <param name="Summary">One line saying what is live, what is kept and where the release goes.</param>
public sealed record KeptRelease(string Project, string Summary, IReadOnlyList<KeptRelease.Patch> Patches)
{
    /// <summary>An RFC 6902 patch of the object <paramref name="Kind"/>/<paramref name="Name"/>.</summary>
    public sealed record Patch(string Kind, string Name, JsonArray Operations);

    /// <summary>
    /// Blue/green with <paramref name="liveColor"/> live: its Deployment keeps <paramref name="liveImage"/> (null when the
    /// cluster has no such Deployment) and the Service keeps selecting it; the other colour takes the overlay's image.
    /// </summary>
    public static KeptRelease BlueGreen(string project, string liveColor, string? liveImage)
    {
        var live = StrategyObjects.ColorName(project, liveColor);
        var idle = StrategyObjects.ColorName(project, BlueGreenStrategy.Other(liveColor));
        List<Patch> patches = [Replace("Service", project, $"/spec/selector/{Pointer(DeploymentStrategy.ColorLabel)}", liveColor)];
        if (liveImage is not null)
        {
            patches.Add(Replace("Deployment", live, ImagePath, liveImage));
        }
        return new(project, liveImage is null
            ? $"{project}: {liveColor} is live but {live} is not in the cluster; the Service keeps selecting {liveColor} and both colours take the release."
            : $"{project}: {liveColor} is live; the Service keeps selecting it and {live} keeps {liveImage}; " +
              $"{idle} takes the release, for promote to switch to once it has rolled out.",
            patches);
    }

    /// <summary>
    /// Canary: the stable Deployment keeps <paramref name="stableImage"/> and the canary Ingress its <paramref name="weight"/>
    /// (null without a canary Ingress in the cluster); the canary Deployment takes the overlay's image.
    /// </summary>
    public static KeptRelease Canary(string project, string stableImage, int? weight)
    {
        var canary = StrategyObjects.CanaryName(project);
        List<Patch> patches = [Replace("Deployment", project, ImagePath, stableImage)];
        if (weight is { } kept)
        {
            patches.Add(Replace("Ingress", canary, $"/metadata/annotations/{Pointer(StrategyObjects.CanaryWeightAnnotation)}",
                kept.ToString(CultureInfo.InvariantCulture)));
        }
        return new(project,
            $"{project}: {project} keeps {stableImage}{(weight is null ? "" : $" and {canary} its weight, {weight}%")}; " +
            $"{canary} takes the release, for promote to step up once it has rolled out.",
            patches);
    }

    /// <summary>A project the cluster does not run yet: the overlay applies to it as published.</summary>
    public static KeptRelease FirstDeploy(string project, string published) =>
        new(project, $"{project}: not in the cluster yet; the overlay applies as published ({published}).", []);

    private const string ImagePath = "/spec/template/spec/containers/0/image";

    private static Patch Replace(string kind, string name, string path, string value) =>
        new(kind, name, [new JsonObject { ["op"] = "replace", ["path"] = path, ["value"] = value }]);

    /// <summary>A key as one JSON Pointer segment (RFC 6901): <c>parity.dev/color</c> is <c>parity.dev~1color</c>.</summary>
    private static string Pointer(string key) => key.Replace("~", "~0", StringComparison.Ordinal).Replace("/", "~1", StringComparison.Ordinal);
}
