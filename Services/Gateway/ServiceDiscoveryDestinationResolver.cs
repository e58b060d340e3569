using System.Net;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Primitives;
using Microsoft.Extensions.ServiceDiscovery;
using Yarp.ReverseProxy.Configuration;
using Yarp.ReverseProxy.ServiceDiscovery;

namespace Gateway;

/// <summary>
/// Resolves YARP destinations such as <c>http://customers</c> through Microsoft.Extensions.ServiceDiscovery
/// (configuration <c>services:customers:http:0</c>, else the name itself as a DNS host), and hands YARP the
/// discovery change token so a moved service is re-resolved without restarting the gateway.
/// </summary>
public sealed class ServiceDiscoveryDestinationResolver(
    ServiceEndpointResolver resolver,
    IOptions<ServiceDiscoveryOptions> options) : IDestinationResolver
{
    public async ValueTask<ResolvedDestinationCollection> ResolveDestinationsAsync(
        IReadOnlyDictionary<string, DestinationConfig> destinations,
        CancellationToken cancellationToken)
    {
        var resolved = new Dictionary<string, DestinationConfig>();
        var changeTokens = new List<IChangeToken>();

        foreach (var (destinationId, destination) in destinations)
        {
            var address = new Uri(destination.Address);
            var source = await resolver.GetEndpointsAsync(address.GetLeftPart(UriPartial.Authority), cancellationToken);
            changeTokens.Add(source.ChangeToken);

            foreach (var endpoint in source.Endpoints)
            {
                var target = ToUri(endpoint.EndPoint, address);
                resolved[$"{destinationId}[{target.Authority}]"] = destination with
                {
                    Address = WithAuthorityOf(address, target),
                    Health = destination.Health is { Length: > 0 } health
                        ? WithAuthorityOf(new Uri(health), target)
                        : destination.Health,
                };
            }
        }

        return new ResolvedDestinationCollection(resolved, new CompositeChangeToken(changeTokens));
    }

    private Uri ToUri(EndPoint endPoint, Uri original) => endPoint switch
    {
        UriEndPoint uri => uri.Uri,
        IPEndPoint ip => new UriBuilder(DefaultScheme(original), ip.Address.ToString(), ip.Port).Uri,
        DnsEndPoint dns => new UriBuilder(DefaultScheme(original), dns.Host, dns.Port > 0 ? dns.Port : -1).Uri,
        _ => throw new InvalidOperationException($"Service discovery returned an unsupported endpoint '{endPoint}'."),
    };

    private static string WithAuthorityOf(Uri address, Uri target) =>
        new UriBuilder(address) { Scheme = target.Scheme, Host = target.Host, Port = target.Port }.Uri.ToString();

    // "https+http://customers" means: prefer https, fall back to http; a bare host or IP endpoint takes the
    // first scheme discovery is allowed to use.
    private string DefaultScheme(Uri original)
    {
        var schemes = original.Scheme.Split('+');
        var allowed = options.Value;
        return schemes.FirstOrDefault(scheme =>
                allowed.AllowAllSchemes || allowed.AllowedSchemes.Contains(scheme, StringComparer.OrdinalIgnoreCase))
            ?? throw new InvalidOperationException($"None of the schemes in '{original}' is allowed by service discovery.");
    }
}
