using Yarp.ReverseProxy.Transforms;

namespace Parity.Hosting.Yarp.Transforms;

public static class ForwardedTransformExtensions
{
    /// <summary>Adds the <c>X-Forwarded-*</c> headers.</summary>
    public static YarpRoute WithTransformXForwarded(
        this YarpRoute route,
        string headerPrefix = "X-Forwarded-",
        ForwardedTransformActions xDefault = ForwardedTransformActions.Set,
        ForwardedTransformActions? xFor = null,
        ForwardedTransformActions? xHost = null,
        ForwardedTransformActions? xProto = null,
        ForwardedTransformActions? xPrefix = null) =>
        route.With(r => r.WithTransformXForwarded(headerPrefix, xDefault, xFor, xHost, xProto, xPrefix));

    /// <summary>Adds the RFC 7239 <c>Forwarded</c> header.</summary>
    public static YarpRoute WithTransformForwarded(
        this YarpRoute route, bool useHost = true, bool useProto = true, NodeFormat forFormat = NodeFormat.Random,
        NodeFormat byFormat = NodeFormat.Random, ForwardedTransformActions action = ForwardedTransformActions.Set) =>
        route.With(r => r.WithTransformForwarded(useHost, useProto, forFormat, byFormat, action));

    /// <summary>Sends the client certificate, Base64-encoded, in <paramref name="headerName"/>.</summary>
    public static YarpRoute WithTransformClientCertHeader(this YarpRoute route, string headerName) =>
        route.With(r => r.WithTransformClientCertHeader(headerName));
}
