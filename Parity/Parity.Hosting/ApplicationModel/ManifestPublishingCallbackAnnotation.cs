namespace Parity.Hosting.ApplicationModel;

/// <summary>
/// How a resource is published. <see cref="Ignore"/> (what <c>ExcludeFromManifest()</c> adds) leaves it out of
/// aspire-manifest.json and the Kubernetes manifests: it exists only in local runs.
/// </summary>
public sealed class ManifestPublishingCallbackAnnotation : IResourceAnnotation
{
    private ManifestPublishingCallbackAnnotation()
    {
    }

    public static ManifestPublishingCallbackAnnotation Ignore { get; } = new();
}
