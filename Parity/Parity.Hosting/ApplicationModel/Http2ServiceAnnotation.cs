namespace Parity.Hosting.ApplicationModel;

/// <summary>The resource's HTTP endpoints speak HTTP/2 with prior knowledge (<c>AsHttp2Service</c>), as gRPC services do.</summary>
public sealed class Http2ServiceAnnotation : IResourceAnnotation
{
    /// <summary>Whether <paramref name="endpoint"/> of <paramref name="resource"/> is an HTTP endpoint declared HTTP/2.</summary>
    public static bool AppliesTo(IResource resource, EndpointAnnotation endpoint) =>
        endpoint.IsHttp && resource.AnnotationsOf<Http2ServiceAnnotation>().Any();
}
