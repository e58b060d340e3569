using Parity.Hosting.ApplicationModel;

namespace Parity.Hosting.Yarp;

/// <summary>
/// Service discovery's name for a resource's HTTP endpoints: <c>https+http://catalog</c>, <c>https://catalog</c> or
/// <c>http://catalog</c>, by the endpoints it has when the environment is rendered (endpoints may be declared after
/// the route). The same text in every target: the proxy's <c>services__</c> variables carry where it is.
/// </summary>
internal sealed class ServiceDiscoveryAddress(IResourceWithServiceDiscovery target) : IExpressionValue
{
    public string Render(IExpressionRenderer renderer) => SchemeOf(target) is { } scheme
        ? $"{scheme}://{target.Name}"
        : throw new DistributedApplicationException($"Resource '{target.Name}' has no http or https endpoint to route to.");

    public bool IsSecret => false;

    public IEnumerable<IResource> References => [target];

    public static string? SchemeOf(IResource resource)
    {
        var schemes = resource.Endpoints().Select(e => e.UriScheme).ToHashSet(StringComparer.OrdinalIgnoreCase);
        return (schemes.Contains("https"), schemes.Contains("http")) switch
        {
            (true, true) => "https+http",
            (true, false) => "https",
            (false, true) => "http",
            _ => null,
        };
    }
}
