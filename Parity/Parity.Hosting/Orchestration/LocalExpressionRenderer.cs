using System.Globalization;
using Parity.Hosting.ApplicationModel;

namespace Parity.Hosting.Orchestration;

/// <summary>Renders expressions for a process on this machine: host <c>localhost</c>, the allocated port, the real values.</summary>
internal sealed class LocalExpressionRenderer(EndpointAllocation endpoints) : IExpressionRenderer
{
    public string Endpoint(EndpointReference endpoint, EndpointProperty property)
    {
        var port = endpoints.PortOf(endpoint.Resource.Name, endpoint.EndpointName).ToString(CultureInfo.InvariantCulture);
        return property switch
        {
            EndpointProperty.Url => $"{endpoint.Scheme}://localhost:{port}",
            EndpointProperty.Host => "localhost",
            EndpointProperty.IPV4Host => "127.0.0.1",
            EndpointProperty.Port or EndpointProperty.TargetPort => port,
            EndpointProperty.Scheme => endpoint.Scheme,
            EndpointProperty.HostAndPort => $"localhost:{port}",
            _ => throw new ArgumentOutOfRangeException(nameof(property), property, null),
        };
    }

    public string Parameter(ParameterResource parameter) => parameter.Value;

    public string ConnectionString(IResourceWithConnectionString resource) => resource.ConnectionStringExpression.Render(this);
}
