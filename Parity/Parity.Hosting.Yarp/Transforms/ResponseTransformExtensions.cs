using Yarp.ReverseProxy.Transforms;

namespace Parity.Hosting.Yarp.Transforms;

public static class ResponseTransformExtensions
{
    public static YarpRoute WithTransformCopyResponseHeaders(this YarpRoute route, bool copy = true) =>
        route.With(r => r.WithTransformCopyResponseHeaders(copy));

    public static YarpRoute WithTransformCopyResponseTrailers(this YarpRoute route, bool copy = true) =>
        route.With(r => r.WithTransformCopyResponseTrailers(copy));

    public static YarpRoute WithTransformResponseHeader(
        this YarpRoute route, string headerName, string value, bool append = true, ResponseCondition condition = ResponseCondition.Success) =>
        route.With(r => r.WithTransformResponseHeader(headerName, value, append, condition));

    public static YarpRoute WithTransformResponseHeaderRemove(this YarpRoute route, string headerName, ResponseCondition condition = ResponseCondition.Success) =>
        route.With(r => r.WithTransformResponseHeaderRemove(headerName, condition));

    public static YarpRoute WithTransformResponseHeadersAllowed(this YarpRoute route, params string[] allowedHeaders) =>
        route.With(r => r.WithTransformResponseHeadersAllowed(allowedHeaders));

    public static YarpRoute WithTransformResponseTrailer(
        this YarpRoute route, string headerName, string value, bool append = true, ResponseCondition condition = ResponseCondition.Success) =>
        route.With(r => r.WithTransformResponseTrailer(headerName, value, append, condition));

    public static YarpRoute WithTransformResponseTrailerRemove(this YarpRoute route, string headerName, ResponseCondition condition = ResponseCondition.Success) =>
        route.With(r => r.WithTransformResponseTrailerRemove(headerName, condition));

    public static YarpRoute WithTransformResponseTrailersAllowed(this YarpRoute route, params string[] allowedHeaders) =>
        route.With(r => r.WithTransformResponseTrailersAllowed(allowedHeaders));
}
