using Yarp.ReverseProxy.Configuration;
using Yarp.ReverseProxy.Transforms;

namespace Gateway;

/// <summary>
/// The proxy table. Destinations name services, not hosts; <see cref="ServiceDiscoveryDestinationResolver"/>
/// turns them into addresses.
/// </summary>
public static class GatewayRoutes
{
    public static IReadOnlyList<RouteConfig> Routes { get; } =
    [
        // A catch-all segment is optional, so this also matches /api/customers itself.
        new RouteConfig
        {
            RouteId = "customers",
            ClusterId = "customers",
            Match = new RouteMatch { Path = "/api/customers/{**rest}" },
        }.WithTransformPathRemovePrefix("/api"),
    ];

    public static IReadOnlyList<ClusterConfig> Clusters { get; } =
    [
        new ClusterConfig
        {
            ClusterId = "customers",
            Destinations = new Dictionary<string, DestinationConfig>
            {
                ["customers"] = new() { Address = "http://customers" },
            },
        },
    ];
}
