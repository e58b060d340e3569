using System.Globalization;
using Parity.Hosting.ApplicationModel;

namespace Parity.Hosting.Orchestration;

/// <summary>
/// Renders expressions for a process on this machine: host <c>localhost</c>, the allocated port, the real values.
/// Rendered for one process of a resource, that resource's target ports are the ones that process listens on.
/// </summary>
internal sealed class LocalExpressionRenderer(
    EndpointAllocation endpoints, IResource? processOf = null, IReadOnlyDictionary<string, int>? processPorts = null) : IExpressionRenderer
{
    /// <summary>This renderer for one process of <paramref name="resource"/>, listening on <paramref name="ports"/> (by endpoint name).</summary>
    public LocalExpressionRenderer ForProcess(IResource resource, IReadOnlyDictionary<string, int> ports) => new(endpoints, resource, ports);

    public string Endpoint(EndpointReference endpoint, EndpointProperty property)
    {
        var port = endpoints.PortOf(endpoint.Resource.Name, endpoint.EndpointName).ToString(CultureInfo.InvariantCulture);
        var targetPort = ReferenceEquals(endpoint.Resource, processOf)
            ? processPorts![endpoint.EndpointName].ToString(CultureInfo.InvariantCulture)
            : port;
        return property switch
        {
            EndpointProperty.Url => $"{endpoint.Scheme}://localhost:{port}",
            EndpointProperty.Host => "localhost",
            EndpointProperty.IPV4Host => "127.0.0.1",
            EndpointProperty.Port => port,
            EndpointProperty.TargetPort => targetPort,
            EndpointProperty.Scheme => endpoint.Scheme,
            EndpointProperty.HostAndPort => $"localhost:{port}",
            _ => throw new ArgumentOutOfRangeException(nameof(property), property, null),
        };
    }

    public string Parameter(ParameterResource parameter) => parameter.Value;

    public string ConnectionString(IResourceWithConnectionString resource) => resource.ConnectionStringExpression.Render(this);
}
