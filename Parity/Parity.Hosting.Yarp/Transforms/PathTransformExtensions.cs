using Microsoft.AspNetCore.Http;
using Yarp.ReverseProxy.Transforms;

namespace Parity.Hosting.Yarp.Transforms;

/// <summary>Path transforms: YARP's own, so the host reads them back exactly.</summary>
public static class PathTransformExtensions
{
    /// <summary>Replaces the request path with <paramref name="path"/>.</summary>
    public static YarpRoute WithTransformPathSet(this YarpRoute route, PathString path) => route.With(r => r.WithTransformPathSet(Required(path)));

    /// <summary>Puts <paramref name="prefix"/> before the request path.</summary>
    public static YarpRoute WithTransformPathPrefix(this YarpRoute route, PathString prefix) => route.With(r => r.WithTransformPathPrefix(Required(prefix)));

    /// <summary>Removes <paramref name="prefix"/> from the start of the request path (<c>/api/x/items</c> → <c>/items</c>).</summary>
    public static YarpRoute WithTransformPathRemovePrefix(this YarpRoute route, PathString prefix) =>
        route.With(r => r.WithTransformPathRemovePrefix(Required(prefix)));

    /// <summary>Builds the request path from a route template filled with the route's values.</summary>
    public static YarpRoute WithTransformPathRouteValues(this YarpRoute route, PathString pattern) =>
        route.With(r => r.WithTransformPathRouteValues(Required(pattern)));

    private static PathString Required(PathString path) => path.HasValue ? path : throw new ArgumentNullException(nameof(path));
}
