using Parity.Hosting.ApplicationModel;
using Yarp.ReverseProxy.Configuration;

namespace Parity.Hosting.Yarp;

/// <summary>What YARP would refuse, or get wrong, found before anything starts: each error names the proxy and the fix.</summary>
internal static class YarpValidation
{
    public static IEnumerable<string> Errors(YarpResource proxy)
    {
        foreach (var cluster in proxy.Clusters.Where(c => c.Target is not null && c.Destinations.Count == 1 && IsWholeResource(c)))
        {
            if (ServiceDiscoveryAddress.SchemeOf(cluster.Target!) is null)
            {
                yield return $"YARP resource '{proxy.Name}' routes to '{cluster.Target!.Name}', which has no http or https endpoint. " +
                    $"Give '{cluster.Target.Name}' one with WithHttpEndpoint(), or route to another resource.";
            }
        }
        foreach (var group in proxy.Clusters.GroupBy(c => c.ClusterId, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1))
        {
            yield return $"YARP resource '{proxy.Name}' declares cluster '{group.Key}' {group.Count()} times. Give each AddCluster its own name.";
        }
        foreach (var cluster in proxy.Clusters.Where(c => c.Destinations.Count == 0))
        {
            yield return $"YARP resource '{proxy.Name}': cluster '{cluster.ClusterId}' has no destination. Pass at least one address to AddCluster.";
        }
        foreach (var route in proxy.Routes.Where(r => string.IsNullOrEmpty(r.RouteConfig.Match.Path) && r.RouteConfig.Match.Hosts is not { Count: > 0 }))
        {
            yield return $"YARP resource '{proxy.Name}': route '{route.RouteConfig.RouteId}' matches neither a path nor a host. Give it a path (AddRoute(\"/api/{{**catch-all}}\", ...)) or WithMatchHosts.";
        }
        foreach (var group in proxy.Routes.GroupBy(r => MatchKey(r.RouteConfig), StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1))
        {
            var first = group.First().RouteConfig;
            yield return $"YARP resource '{proxy.Name}' has {group.Count()} routes ({string.Join(", ", group.Select(r => r.RouteConfig.RouteId))}) " +
                $"that match the same requests (path '{first.Match.Path}'), so YARP could not choose between them. " +
                "Remove the duplicate, or tell them apart with WithMatchMethods, WithMatchHeaders, WithMatchRouteQueryParameter, WithMatchHosts or WithOrder.";
        }
    }

    /// <summary>A cluster made by AddCluster(resource), whose scheme comes from the resource's endpoints.</summary>
    private static bool IsWholeResource(YarpCluster cluster) =>
        cluster.Destinations[0].ValueProviders is [ServiceDiscoveryAddress];

    /// <summary>Two routes with the same key match the same requests with the same precedence.</summary>
    private static string MatchKey(RouteConfig route)
    {
        var match = route.Match;
        static string Sorted(IEnumerable<string>? values) => string.Join(",", (values ?? []).Order(StringComparer.OrdinalIgnoreCase));
        var headers = (match.Headers ?? []).Select(h => $"{h.Name}:{h.Mode}:{h.IsCaseSensitive}:{Sorted(h.Values)}");
        var query = (match.QueryParameters ?? []).Select(q => $"{q.Name}:{q.Mode}:{q.IsCaseSensitive}:{Sorted(q.Values)}");
        return string.Join("|", match.Path, Sorted(match.Methods), Sorted(match.Hosts), Sorted(headers), Sorted(query), route.Order);
    }
}
