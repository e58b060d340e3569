using Parity.Hosting.ApplicationModel;
using Parity.Hosting.Yarp;

namespace Parity.Hosting;

internal sealed class YarpConfigurationBuilder(IResourceBuilder<YarpResource> proxy) : IYarpConfigurationBuilder
{
    private YarpResource Resource => proxy.Resource;

    public YarpRoute AddRoute(string path, YarpCluster cluster)
    {
        if (!ReferenceEquals(cluster.Owner, Resource))
        {
            throw new DistributedApplicationException(
                $"YARP resource '{Resource.Name}' cannot route to cluster '{cluster.ClusterId}' of '{cluster.Owner.Name}': add the cluster to '{Resource.Name}' itself.");
        }
        var route = new YarpRoute(cluster, Resource.NextRouteId());
        Resource.Routes.Add(route);
        return route.WithMatchPath(path);
    }

    public YarpCluster AddCluster(EndpointReference endpoint)
    {
        // Service discovery's name for one endpoint of a resource: scheme://_endpoint.resource.
        var address = ReferenceExpression.Create(
            $"{endpoint.Property(EndpointProperty.Scheme)}://_{endpoint.EndpointName}.{endpoint.Resource.Name}");
        proxy.WithReference(endpoint);
        return Add(new YarpCluster(Resource, Resource.UniqueClusterId($"cluster_{endpoint.Resource.Name}"), [address], endpoint.Resource));
    }

    public YarpCluster AddCluster(IResourceBuilder<IResourceWithServiceDiscovery> resource)
    {
        proxy.WithReference(resource);
        var address = ReferenceExpression.Of(new ServiceDiscoveryAddress(resource.Resource));
        return Add(new YarpCluster(Resource, Resource.UniqueClusterId($"cluster_{resource.Resource.Name}"), [address], resource.Resource));
    }

    public YarpCluster AddCluster(string clusterName, object[] destinations)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(clusterName);
        return Add(new YarpCluster(Resource, clusterName, [.. destinations.Select(Destination)]));
    }

    private YarpCluster Add(YarpCluster cluster)
    {
        Resource.Clusters.Add(cluster);
        Resource.UpdateConfiguration();
        return cluster;
    }

    private ReferenceExpression Destination(object destination) => destination switch
    {
        string url => ReferenceExpression.Literal(url),
        Uri uri => ReferenceExpression.Literal(uri.ToString()),
        IResourceBuilder<IResourceWithEndpoints> or IResource => throw new ArgumentException(
            $"YARP resource '{Resource.Name}': route to a resource with AddCluster(resource) or AddCluster(resource.GetEndpoint(name)), not as an address.",
            nameof(destination)),
        IExpressionValue value => ReferenceExpression.Of(value),
        _ => throw new ArgumentException(
            $"YARP resource '{Resource.Name}': a destination is a URL string, a Uri or an expression, not {destination?.GetType().Name ?? "null"}.",
            nameof(destination)),
    };
}
