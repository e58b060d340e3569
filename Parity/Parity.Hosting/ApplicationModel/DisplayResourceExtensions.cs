namespace Parity.Hosting.ApplicationModel;

/// <summary>What the dev-loop annotations say about a resource.</summary>
public static class DisplayResourceExtensions
{
    /// <summary>True when <c>ExcludeFromManifest()</c> leaves the resource out of every published manifest.</summary>
    public static bool IsExcludedFromManifest(this IResource resource) =>
        resource.Annotations.Contains(ManifestPublishingCallbackAnnotation.Ignore);

    /// <summary>True when <c>WithLifetime(ContainerLifetime.Persistent)</c> lets the resource outlive the AppHost.</summary>
    public static bool HasPersistentLifetime(this IResource resource) =>
        resource.TryGetLastAnnotation<ContainerLifetimeAnnotation>(out var lifetime) && lifetime.Lifetime == ContainerLifetime.Persistent;

    /// <summary>True when the resource waits to be started by hand (<c>WithExplicitStart()</c>).</summary>
    public static bool StartsExplicitly(this IResource resource) => resource.AnnotationsOf<ExplicitStartupAnnotation>().Any();

    /// <summary>The resource the dashboard nests this one under: its declared parent, or the server a database lives in.</summary>
    public static IResource? DisplayParent(this IResource resource) =>
        resource.AnnotationsOf<ResourceRelationshipAnnotation>().LastOrDefault(r => r.Type == ResourceRelationshipAnnotation.ParentType)?.Resource
        ?? (resource as IResourceWithParent)?.Parent;
}
