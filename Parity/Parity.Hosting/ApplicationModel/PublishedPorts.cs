using System.Globalization;

namespace Parity.Hosting.ApplicationModel;

/// <summary>Where a process published as a container listens, for the endpoints that do not say.</summary>
public static class PublishedPorts
{
    /// <summary>The first port given to an endpoint the process learns from a variable, as Aspire's manifest assigns them.</summary>
    public const int FirstAssignedPort = 8000;

    /// <summary>Where a project listens in its container (<c>HTTP_PORTS</c>), whatever port it has locally.</summary>
    public const int ProjectHttpPort = 8080;

    public const int ProjectHttpsPort = 8443;

    /// <summary>
    /// The port the endpoint has in a container, which is also the port other containers reach it on (a Kubernetes
    /// Service and a Compose network both map each port to itself): a project's 8080 or 8443, else the target port.
    /// </summary>
    public static int ContainerPortOf(IResource resource, EndpointAnnotation endpoint) => resource switch
    {
        ProjectResource when endpoint.UriScheme == "http" => ProjectHttpPort,
        ProjectResource when endpoint.UriScheme == "https" => ProjectHttpsPort,
        _ => TargetPortOf(resource, endpoint) ?? endpoint.Port ?? throw new DistributedApplicationException(
            $"Endpoint '{endpoint.Name}' of '{resource.Name}' has no target port, so it has no port in a container."),
    };

    /// <summary>
    /// A part of an endpoint's address as another container reaches it: the resource's name as host (its Kubernetes
    /// Service, its Compose service) and its <see cref="ContainerPortOf"/>.
    /// </summary>
    public static string ContainerAddressPart(EndpointReference endpoint, EndpointProperty property)
    {
        var annotation = endpoint.Annotation ?? throw endpoint.MissingEndpoint();
        var host = endpoint.Resource.Name;
        var port = ContainerPortOf(endpoint.Resource, annotation).ToString(CultureInfo.InvariantCulture);
        return property switch
        {
            EndpointProperty.Url => $"{annotation.UriScheme}://{host}:{port}",
            EndpointProperty.Host or EndpointProperty.IPV4Host => host,
            EndpointProperty.Port or EndpointProperty.TargetPort => port,
            EndpointProperty.Scheme => annotation.UriScheme,
            EndpointProperty.HostAndPort => $"{host}:{port}",
            _ => throw new ArgumentOutOfRangeException(nameof(property), property, null),
        };
    }

    /// <summary>
    /// The endpoint's target port when it has one; else, for an endpoint whose port the process reads from an
    /// environment variable (<c>WithHttpEndpoint(env: "PORT")</c>), 8000, 8001, ... in declaration order; else null.
    /// </summary>
    public static int? TargetPortOf(IResource resource, EndpointAnnotation endpoint)
    {
        if (endpoint.TargetPort is { } declared)
        {
            return declared;
        }
        if (endpoint.EnvironmentVariable is null)
        {
            return null;
        }
        var assigned = resource.Endpoints().Where(e => e.TargetPort is null && e.EnvironmentVariable is not null).ToList();
        return FirstAssignedPort + assigned.IndexOf(endpoint);
    }
}
