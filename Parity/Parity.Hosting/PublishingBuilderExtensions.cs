using Parity.Hosting.ApplicationModel;

namespace Parity.Hosting;

/// <summary>What of a resource reaches the published manifests.</summary>
public static class PublishingBuilderExtensions
{
    /// <summary>Leaves the resource out of aspire-manifest.json and the Kubernetes manifests: it runs only locally.</summary>
    public static IResourceBuilder<T> ExcludeFromManifest<T>(this IResourceBuilder<T> builder) where T : IResource =>
        builder.WithAnnotation(ManifestPublishingCallbackAnnotation.Ignore);

    /// <summary>
    /// An HTTP probe of <paramref name="type"/> on <paramref name="path"/> (default "/") of an HTTP endpoint (https,
    /// else http, unless named), published as the container's probe. Locally a readiness probe is the resource's
    /// health check when it declares none with WithHttpHealthCheck. A second probe of the same type replaces the first.
    /// </summary>
    public static IResourceBuilder<T> WithHttpProbe<T>(
        this IResourceBuilder<T> builder,
        ProbeType type,
        string? path = null,
        int? initialDelaySeconds = null,
        int? periodSeconds = null,
        int? timeoutSeconds = null,
        int? failureThreshold = null,
        int? successThreshold = null,
        string? endpointName = null) where T : IResourceWithEndpoints
    {
        var endpoint = (endpointName is null
                ? builder.Resource.Endpoints().FirstOrDefault(e => e.UriScheme == "https") ?? builder.Resource.Endpoints().FirstOrDefault(e => e.UriScheme == "http")
                : builder.Resource.Endpoints().FirstOrDefault(e => string.Equals(e.Name, endpointName, StringComparison.OrdinalIgnoreCase)))
            ?? throw new DistributedApplicationException(endpointName is null
                ? $"Resource '{builder.Resource.Name}' has no HTTP endpoint for its {type} probe. Add one with WithHttpEndpoint() first."
                : $"Resource '{builder.Resource.Name}' has no endpoint named '{endpointName}' for its {type} probe.");
        if (!endpoint.IsHttp)
        {
            throw new DistributedApplicationException(
                $"Resource '{builder.Resource.Name}': its {type} probe needs an HTTP endpoint, and '{endpoint.Name}' is {endpoint.UriScheme}.");
        }
        if (type != ProbeType.Readiness && successThreshold is > 1)
        {
            throw new DistributedApplicationException(
                $"Resource '{builder.Resource.Name}': a {type} probe's success threshold must be 1 (Kubernetes refuses any other).");
        }
        foreach (var existing in builder.Resource.AnnotationsOf<EndpointProbeAnnotation>().Where(p => p.Type == type).ToList())
        {
            builder.Resource.Annotations.Remove(existing);
        }
        return builder.WithAnnotation(new EndpointProbeAnnotation
        {
            Type = type,
            EndpointReference = new EndpointReference(builder.Resource, endpoint.Name),
            Path = path ?? "/",
            InitialDelaySeconds = initialDelaySeconds ?? 5,
            PeriodSeconds = periodSeconds ?? 5,
            TimeoutSeconds = timeoutSeconds ?? 1,
            FailureThreshold = failureThreshold ?? 3,
            SuccessThreshold = successThreshold ?? 1,
        });
    }
}
