namespace Parity.Hosting.ApplicationModel;

/// <summary>Where a process published as a container listens, for the endpoints that do not say.</summary>
public static class PublishedPorts
{
    /// <summary>The first port given to an endpoint the process learns from a variable, as Aspire's manifest assigns them.</summary>
    public const int FirstAssignedPort = 8000;

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
