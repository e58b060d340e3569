using Parity.Hosting.ApplicationModel;
using Parity.Hosting.Yarp;

namespace Parity.Hosting;

/// <summary>Declares a YARP resource's routes and clusters (<see cref="YarpResourceExtensions.WithConfiguration"/>).</summary>
public interface IYarpConfigurationBuilder
{
    /// <summary>A route for requests whose path matches <paramref name="path"/> (an ASP.NET Core route template) to <paramref name="cluster"/>.</summary>
    YarpRoute AddRoute(string path, YarpCluster cluster);

    /// <summary>A cluster of one endpoint of a resource; the proxy gets that endpoint's <c>services__</c> variable.</summary>
    YarpCluster AddCluster(EndpointReference endpoint);

    /// <summary>A cluster of a resource's HTTP endpoints (https preferred); the proxy gets their <c>services__</c> variables.</summary>
    YarpCluster AddCluster(IResourceBuilder<IResourceWithServiceDiscovery> resource);

    /// <summary>A cluster of addresses outside the model: URLs, or expressions rendered per target.</summary>
    YarpCluster AddCluster(string clusterName, object[] destinations);

    YarpCluster AddCluster(string clusterName, object destination) => AddCluster(clusterName, [destination]);
}
