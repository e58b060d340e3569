using Yarp.ReverseProxy.Transforms;

namespace Parity.Hosting.Yarp.Transforms;

public static class QueryTransformExtensions
{
    public static YarpRoute WithTransformQueryValue(this YarpRoute route, string queryKey, string value, bool append = true) =>
        route.With(r => r.WithTransformQueryValue(queryKey, value, append));

    public static YarpRoute WithTransformQueryRouteValue(this YarpRoute route, string queryKey, string routeValueKey, bool append = true) =>
        route.With(r => r.WithTransformQueryRouteValue(queryKey, routeValueKey, append));

    public static YarpRoute WithTransformQueryRemoveKey(this YarpRoute route, string queryKey) =>
        route.With(r => r.WithTransformQueryRemoveKey(queryKey));
}
