using Yarp.ReverseProxy.Transforms;

namespace Parity.Hosting.Yarp.Transforms;

public static class RequestHeadersTransformExtensions
{
    public static YarpRoute WithTransformCopyRequestHeaders(this YarpRoute route, bool copy = true) =>
        route.With(r => r.WithTransformCopyRequestHeaders(copy));

    public static YarpRoute WithTransformUseOriginalHostHeader(this YarpRoute route, bool useOriginal = true) =>
        route.With(r => r.WithTransformUseOriginalHostHeader(useOriginal));

    /// <summary>Appends to, or sets, a request header.</summary>
    public static YarpRoute WithTransformRequestHeader(this YarpRoute route, string headerName, string value, bool append = true) =>
        route.With(r => r.WithTransformRequestHeader(headerName, value, append));

    public static YarpRoute WithTransformRequestHeaderRouteValue(this YarpRoute route, string headerName, string routeValueKey, bool append = true) =>
        route.With(r => r.WithTransformRequestHeaderRouteValue(headerName, routeValueKey, append));

    public static YarpRoute WithTransformRequestHeaderRemove(this YarpRoute route, string headerName) =>
        route.With(r => r.WithTransformRequestHeaderRemove(headerName));

    /// <summary>Copies only these request headers.</summary>
    public static YarpRoute WithTransformRequestHeadersAllowed(this YarpRoute route, params string[] allowedHeaders) =>
        route.With(r => r.WithTransformRequestHeadersAllowed(allowedHeaders));
}
