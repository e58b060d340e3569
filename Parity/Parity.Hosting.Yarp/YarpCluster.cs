using Parity.Hosting.ApplicationModel;
using Yarp.ReverseProxy.Configuration;

namespace Parity.Hosting.Yarp;

/// <summary>
/// A YARP cluster: where routes send requests. Its destinations are expressions, rendered per target: a resource of
/// the model is named as service discovery names it (<c>http://catalog</c>), which the host resolves from the
/// <c>services__catalog__http__0</c> variable its reference injects (localhost locally, the Service in the cluster).
/// </summary>
public class YarpCluster
{
    internal YarpCluster(YarpResource owner, string clusterId, IReadOnlyList<ReferenceExpression> destinations, IResource? target = null)
    {
        Owner = owner;
        Target = target;
        Destinations = destinations;
        ClusterConfig = new ClusterConfig { ClusterId = clusterId };
    }

    internal YarpResource Owner { get; }

    /// <summary>The resource of the model the cluster sends to, when it is one.</summary>
    internal IResource? Target { get; }

    internal IReadOnlyList<ReferenceExpression> Destinations { get; }

    internal ClusterConfig ClusterConfig { get; private set; }

    internal string ClusterId => ClusterConfig.ClusterId;

    internal void Configure(Func<ClusterConfig, ClusterConfig> configure)
    {
        ClusterConfig = configure(ClusterConfig);
        Owner.UpdateConfiguration();
    }
}
