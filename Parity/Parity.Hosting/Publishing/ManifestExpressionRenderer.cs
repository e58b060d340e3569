using System.Text.RegularExpressions;
using Parity.Hosting.ApplicationModel;

namespace Parity.Hosting.Publishing;

/// <summary>Renders expressions in aspire-manifest.json's syntax: <c>{pg.bindings.tcp.port}</c>, <c>{p.value}</c>, <c>{db.connectionString}</c>.</summary>
public sealed partial class ManifestExpressionRenderer : IExpressionRenderer
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

    /// <summary>
    /// The manifest names a value it does not know, so it marks each placeholder to be escaped when the value is
    /// filled in (<c>{p.value:uri}</c>, as Aspire writes it) and escapes the literal text between them here.
    /// </summary>
    public string UriEncoded(IExpressionValue value)
    {
        var rendered = value.Render(this);
        var text = new System.Text.StringBuilder();
        var at = 0;
        foreach (Match placeholder in Placeholder().Matches(rendered))
        {
            text.Append(Uri.EscapeDataString(rendered[at..placeholder.Index])).Append('{').Append(placeholder.Groups[1].Value).Append(":uri}");
            at = placeholder.Index + placeholder.Length;
        }
        return text.Append(Uri.EscapeDataString(rendered[at..])).ToString();
    }

    [GeneratedRegex(@"\{([^{}:]+)\}")]
    private static partial Regex Placeholder();
}
