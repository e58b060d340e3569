using Yarp.ReverseProxy.Configuration;

namespace Parity.Hosting.Yarp;

/// <summary>What a route matches and its other settings, as YARP's <see cref="RouteConfig"/> has them.</summary>
public static class YarpRouteExtensions
{
    public static YarpRoute WithMatch(this YarpRoute route, RouteMatch match) => route.With(r => r with { Match = match });

    /// <summary>Only requests whose path matches this ASP.NET Core route template, e.g. <c>/api/{**catch-all}</c>.</summary>
    public static YarpRoute WithMatchPath(this YarpRoute route, string path) => route.WithMatchOf(m => m with { Path = path });

    public static YarpRoute WithMatchMethods(this YarpRoute route, params string[] methods) => route.WithMatchOf(m => m with { Methods = methods });

    /// <summary>Only requests that carry all of these headers.</summary>
    public static YarpRoute WithMatchHeaders(this YarpRoute route, params RouteHeader[] headers) =>
        route.WithMatchOf(m => m with { Headers = headers.ToList() });

    /// <summary>Only requests for one of these hosts (wildcards and ports allowed).</summary>
    public static YarpRoute WithMatchHosts(this YarpRoute route, params string[] hosts) => route.WithMatchOf(m => m with { Hosts = hosts.ToList() });

    /// <summary>Only requests that carry all of these query parameters.</summary>
    public static YarpRoute WithMatchRouteQueryParameter(this YarpRoute route, params RouteQueryParameter[] queryParameters) =>
        route.WithMatchOf(m => m with { QueryParameters = queryParameters.ToList() });

    /// <summary>Orders routes that match the same request; lower first.</summary>
    public static YarpRoute WithOrder(this YarpRoute route, int? order) => route.With(r => r with { Order = order });

    public static YarpRoute WithMaxRequestBodySize(this YarpRoute route, long maxRequestBodySize) =>
        route.With(r => r with { MaxRequestBodySize = maxRequestBodySize });

    public static YarpRoute WithMetadata(this YarpRoute route, IReadOnlyDictionary<string, string>? metadata) => route.With(r => r with { Metadata = metadata });

    public static YarpRoute WithTransforms(this YarpRoute route, IReadOnlyList<IReadOnlyDictionary<string, string>>? transforms) =>
        route.With(r => r with { Transforms = transforms });

    /// <summary>Adds one transform, given as YARP's configuration keys and values (e.g. <c>PathPrefix</c> = <c>/v2</c>).</summary>
    public static YarpRoute WithTransform(this YarpRoute route, Action<IDictionary<string, string>> createTransform)
    {
        ArgumentNullException.ThrowIfNull(createTransform);
        var transform = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        createTransform(transform);
        return route.With(r => r with { Transforms = [.. r.Transforms ?? [], transform] });
    }

    private static YarpRoute WithMatchOf(this YarpRoute route, Func<RouteMatch, RouteMatch> match) => route.With(r => r with { Match = match(r.Match) });

    internal static YarpRoute With(this YarpRoute route, Func<RouteConfig, RouteConfig> configure)
    {
        route.Configure(configure);
        return route;
    }
}
