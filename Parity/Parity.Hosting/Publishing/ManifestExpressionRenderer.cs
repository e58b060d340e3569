using Parity.Hosting.ApplicationModel;

namespace Parity.Hosting.Publishing;

/// <summary>Renders expressions in aspire-manifest.json's syntax: <c>{pg.bindings.tcp.port}</c>, <c>{p.value}</c>, <c>{db.connectionString}</c>.</summary>
public sealed class ManifestExpressionRenderer : IExpressionRenderer
{
    public static ManifestExpressionRenderer Instance { get; } = new();

    public string Endpoint(EndpointReference endpoint, EndpointProperty property)
    {
        var binding = $"{endpoint.Resource.Name}.bindings.{endpoint.EndpointName}";
        return property switch
        {
            EndpointProperty.Url => $"{{{binding}.url}}",
            EndpointProperty.Host or EndpointProperty.IPV4Host => $"{{{binding}.host}}",
            EndpointProperty.Port => $"{{{binding}.port}}",
            EndpointProperty.TargetPort => $"{{{binding}.targetPort}}",
            EndpointProperty.Scheme => $"{{{binding}.scheme}}",
            EndpointProperty.HostAndPort => $"{{{binding}.host}}:{{{binding}.port}}",
            _ => throw new ArgumentOutOfRangeException(nameof(property), property, null),
        };
    }

    public string Parameter(ParameterResource parameter) => $"{{{parameter.Name}.value}}";

    public string ConnectionString(IResourceWithConnectionString resource) => $"{{{resource.Name}.connectionString}}";
}
