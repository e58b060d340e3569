using Yarp.ReverseProxy.Configuration;
using Yarp.ReverseProxy.Forwarder;

namespace Parity.Hosting.Yarp;

/// <summary>Settings of a cluster, as YARP's <see cref="ClusterConfig"/> has them.</summary>
public static class YarpClusterExtensions
{
    public static YarpCluster WithForwarderRequestConfig(this YarpCluster cluster, ForwarderRequestConfig config) =>
        cluster.With(c => c with { HttpRequest = config });

    public static YarpCluster WithHttpClientConfig(this YarpCluster cluster, HttpClientConfig config) =>
        cluster.With(c => c with { HttpClient = config });

    public static YarpCluster WithSessionAffinityConfig(this YarpCluster cluster, SessionAffinityConfig config) =>
        cluster.With(c => c with { SessionAffinity = config });

    public static YarpCluster WithHealthCheckConfig(this YarpCluster cluster, HealthCheckConfig config) =>
        cluster.With(c => c with { HealthCheck = config });

    public static YarpCluster WithLoadBalancingPolicy(this YarpCluster cluster, string policy) =>
        cluster.With(c => c with { LoadBalancingPolicy = policy });

    public static YarpCluster WithMetadata(this YarpCluster cluster, IReadOnlyDictionary<string, string>? metadata) =>
        cluster.With(c => c with { Metadata = metadata });

    private static YarpCluster With(this YarpCluster cluster, Func<ClusterConfig, ClusterConfig> configure)
    {
        cluster.Configure(configure);
        return cluster;
    }
}
