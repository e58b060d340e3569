using Yarp.ReverseProxy.Transforms;

namespace Parity.Hosting.Yarp.Transforms;

public static class HttpMethodTransformExtensions
{
    /// <summary>Sends requests made with <paramref name="fromHttpMethod"/> on with <paramref name="toHttpMethod"/>.</summary>
    public static YarpRoute WithTransformHttpMethodChange(this YarpRoute route, string fromHttpMethod, string toHttpMethod) =>
        route.With(r => r.WithTransformHttpMethodChange(fromHttpMethod, toHttpMethod));
}
