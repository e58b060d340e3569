using Yarp.ReverseProxy.Configuration;
using Yarp.ReverseProxy.Transforms;

namespace Gateway;

/// <summary>
/// The proxy table. Destinations name services, not hosts; service discovery's YARP destination resolver turns each
/// into one destination per replica. Every route requires an authenticated caller and counts against its rate limit.
/// </summary>
public static class GatewayRoutes
{
    // YARP's name for the application's default authorization policy: an authenticated user.
    private const string AuthenticatedUsers = "default";

    /// <summary>Product images: the one route whose bodies may exceed the general limit (<see cref="RequestBodyLimits"/>).</summary>
    public const string ProductImagesRouteId = "product-images";

    public static IReadOnlyList<RouteConfig> Routes { get; } =
    [
        // A catch-all segment is optional, so this also matches /api/customers itself.
        ApiRoute("customers"),
        ApiRoute("orders"),
        ApiRoute("products", cluster: "catalog"),
        // More specific than products' catch-all, so routing prefers it for image paths.
        ApiRoute(ProductImagesRouteId, "catalog", "/api/products/{id}/image"),
        ApiRoute("recommendations"),
        // WebSockets and server-sent events stream through unbuffered; the services own these paths as they are.
        StreamRoute("ws"),
        StreamRoute("sse"),
    ];

    public static IReadOnlyList<ClusterConfig> Clusters { get; } =
    [
        Cluster("customers"),
        Cluster("orders"),
        Cluster("catalog"),
        Cluster("recommendations"),
        // YARP cancels a request idle for 100 s by default; a stream may stay quiet far longer between events.
        Cluster("notifications") with { HttpRequest = new() { ActivityTimeout = TimeSpan.FromHours(1) } },
    ];

    private static RouteConfig ApiRoute(string resource, string? cluster = null) =>
        ApiRoute(resource, cluster ?? resource, $"/api/{resource}/{{**rest}}");

    private static RouteConfig ApiRoute(string routeId, string cluster, string path) => new RouteConfig
    {
        RouteId = routeId,
        ClusterId = cluster,
        Match = new RouteMatch { Path = path },
        AuthorizationPolicy = AuthenticatedUsers,
        RateLimiterPolicy = ClientRateLimiting.PolicyName,
    }.WithTransformPathRemovePrefix("/api");

    private static RouteConfig StreamRoute(string prefix) => new()
    {
        RouteId = prefix,
        ClusterId = "notifications",
        Match = new RouteMatch { Path = $"/{prefix}/{{**rest}}" },
        AuthorizationPolicy = AuthenticatedUsers,
        RateLimiterPolicy = ClientRateLimiting.PolicyName,
    };

    private static ClusterConfig Cluster(string service) => new()
    {
        ClusterId = service,
        Destinations = new Dictionary<string, DestinationConfig>
        {
            [service] = new() { Address = $"http://{service}" },
        },
    };
}
