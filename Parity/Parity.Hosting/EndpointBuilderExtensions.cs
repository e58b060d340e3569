using System.Net.Sockets;
using Parity.Hosting.ApplicationModel;

namespace Parity.Hosting;

public static class EndpointBuilderExtensions
{
    public static IResourceBuilder<T> WithEndpoint<T>(
        this IResourceBuilder<T> builder, int? port = null, int? targetPort = null, string? scheme = null, string? name = null,
        string? env = null, bool isProxied = true, bool? isExternal = null, ProtocolType protocol = ProtocolType.Tcp)
        where T : IResourceWithEndpoints
    {
        scheme ??= "tcp";
        name ??= scheme;
        if (builder.Resource.Endpoints().Any(e => string.Equals(e.Name, name, StringComparison.OrdinalIgnoreCase)))
        {
            throw new DistributedApplicationException(
                $"Resource '{builder.Resource.Name}' already has an endpoint named '{name}'. Give the new one another name.");
        }
        return builder.WithAnnotation(new EndpointAnnotation(name, scheme, port, targetPort, env, isExternal ?? false, isProxied, protocol));
    }

    /// <summary>
    /// Changes the endpoint named <paramref name="endpointName"/> now (its port, scheme, ...), creating a TCP endpoint of
    /// that name first when there is none and <paramref name="createIfNotExists"/>.
    /// </summary>
    public static IResourceBuilder<T> WithEndpoint<T>(
        this IResourceBuilder<T> builder, string endpointName, Action<EndpointAnnotation> callback, bool createIfNotExists = true)
        where T : IResourceWithEndpoints
    {
        var endpoint = builder.Resource.Endpoints().FirstOrDefault(e => string.Equals(e.Name, endpointName, StringComparison.OrdinalIgnoreCase));
        if (endpoint is null)
        {
            if (!createIfNotExists)
            {
                return builder;
            }
            endpoint = new EndpointAnnotation(endpointName);
            builder.WithAnnotation(endpoint);
        }
        callback(endpoint);
        return builder;
    }

    public static IResourceBuilder<T> WithHttpEndpoint<T>(
        this IResourceBuilder<T> builder, int? port = null, int? targetPort = null, string? name = null, string? env = null, bool isProxied = true)
        where T : IResourceWithEndpoints =>
        builder.WithEndpoint(port, targetPort, "http", name ?? "http", env, isProxied);

    public static IResourceBuilder<T> WithHttpsEndpoint<T>(
        this IResourceBuilder<T> builder, int? port = null, int? targetPort = null, string? name = null, string? env = null, bool isProxied = true)
        where T : IResourceWithEndpoints =>
        builder.WithEndpoint(port, targetPort, "https", name ?? "https", env, isProxied);

    /// <summary>
    /// Marks every HTTP endpoint of the resource as HTTP/2 with prior knowledge: <c>http2</c> transport in
    /// aspire-manifest.json, <c>kubernetes.io/h2c</c> as the cluster Service port's protocol. The service itself still
    /// chooses what it speaks (Kestrel's <c>Protocols</c>); locally its endpoint carries any protocol.
    /// </summary>
    public static IResourceBuilder<T> AsHttp2Service<T>(this IResourceBuilder<T> builder) where T : IResourceWithEndpoints =>
        builder.WithAnnotation(new Http2ServiceAnnotation());

    /// <summary><see cref="AsHttp2Service{T}"/> when publishing only.</summary>
    public static IResourceBuilder<T> PublishAsHttp2Service<T>(this IResourceBuilder<T> builder) where T : IResourceWithEndpoints =>
        builder.ApplicationBuilder.ExecutionContext.IsPublishMode ? builder.AsHttp2Service() : builder;

    /// <summary>Marks the HTTP endpoints as reachable from outside (an Ingress in the cluster).</summary>
    public static IResourceBuilder<T> WithExternalHttpEndpoints<T>(this IResourceBuilder<T> builder) where T : IResourceWithEndpoints
    {
        foreach (var endpoint in builder.Resource.Endpoints().Where(e => e.IsHttp))
        {
            endpoint.IsExternal = true;
        }
        return builder;
    }

    public static EndpointReference GetEndpoint<T>(this IResourceBuilder<T> builder, string name) where T : IResourceWithEndpoints =>
        new(builder.Resource, name);

    /// <summary>Healthy once GET <paramref name="path"/> on the endpoint answers <paramref name="statusCode"/>.</summary>
    public static IResourceBuilder<T> WithHttpHealthCheck<T>(
        this IResourceBuilder<T> builder, string? path = null, int? statusCode = null, string? endpointName = null)
        where T : IResourceWithEndpoints
    {
        var endpoint = endpointName
            ?? builder.Resource.Endpoints().FirstOrDefault(e => e.UriScheme == "http")?.Name
            ?? builder.Resource.Endpoints().FirstOrDefault(e => e.IsHttp)?.Name
            ?? throw new DistributedApplicationException(
                $"Resource '{builder.Resource.Name}' has no HTTP endpoint for its health check. Add one with WithHttpEndpoint() first.");
        return builder.WithAnnotation(new HttpHealthCheckAnnotation(endpoint, path ?? "/", statusCode ?? 200));
    }
}
