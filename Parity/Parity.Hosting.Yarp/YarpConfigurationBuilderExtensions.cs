using Parity.Hosting.ApplicationModel;
using Parity.Hosting.Yarp;

namespace Parity.Hosting;

/// <summary>Routes straight to a resource or an endpoint (a cluster each), and catch-all routes.</summary>
public static class YarpConfigurationBuilderExtensions
{
    private const string CatchAllPath = "/{**catchall}";

    public static YarpRoute AddRoute(this IYarpConfigurationBuilder builder, YarpCluster cluster) => builder.AddRoute(CatchAllPath, cluster);

    public static YarpRoute AddRoute(this IYarpConfigurationBuilder builder, EndpointReference endpoint) => builder.AddRoute(CatchAllPath, endpoint);

    public static YarpRoute AddRoute(this IYarpConfigurationBuilder builder, IResourceBuilder<IResourceWithServiceDiscovery> resource) =>
        builder.AddRoute(CatchAllPath, resource);

    public static YarpRoute AddRoute(this IYarpConfigurationBuilder builder, string path, EndpointReference endpoint) =>
        builder.AddRoute(path, builder.AddCluster(endpoint));

    public static YarpRoute AddRoute(this IYarpConfigurationBuilder builder, string path, IResourceBuilder<IResourceWithServiceDiscovery> resource) =>
        builder.AddRoute(path, builder.AddCluster(resource));
}
