using Yarp.ReverseProxy.Configuration;

namespace Parity.Hosting.Yarp;

/// <summary>A YARP route: which requests (its match) go to which cluster, and how they are changed on the way (its transforms).</summary>
public class YarpRoute
{
    internal YarpRoute(YarpCluster cluster, string routeId)
    {
        Cluster = cluster;
        RouteConfig = new RouteConfig { RouteId = routeId, ClusterId = cluster.ClusterId, Match = new RouteMatch() };
    }

    internal YarpCluster Cluster { get; }

    internal RouteConfig RouteConfig { get; private set; }

    internal void Configure(Func<RouteConfig, RouteConfig> configure)
    {
        RouteConfig = configure(RouteConfig);
        Cluster.Owner.UpdateConfiguration();
    }
}
