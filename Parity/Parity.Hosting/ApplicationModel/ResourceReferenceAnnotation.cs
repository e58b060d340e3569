namespace Parity.Hosting.ApplicationModel;

/// <summary>What WithReference recorded; the environment function expands it per target.</summary>
public abstract record ResourceReferenceAnnotation(IResource Target) : IResourceAnnotation;

/// <summary>Injects <c>ConnectionStrings__&lt;name&gt;</c>.</summary>
public sealed record ConnectionStringReferenceAnnotation(IResourceWithConnectionString Source, string ConnectionName, bool Optional)
    : ResourceReferenceAnnotation(Source);

/// <summary>Injects <c>services__&lt;name&gt;__&lt;endpoint&gt;__0</c> for every endpoint of the target, or only one.</summary>
public sealed record ServiceDiscoveryReferenceAnnotation(IResourceWithEndpoints Source, string? EndpointName = null)
    : ResourceReferenceAnnotation(Source);
