using k8s.Models;
using Parity.Hosting.ApplicationModel;

namespace Parity.Hosting.Kubernetes;

/// <summary>
/// The reference graph as the network policy: nothing reaches a pod in the namespace unless the AppHost says so.
/// A client reaches exactly the ports of the servers its environment and arguments refer to (WithReference, a
/// connection string, the dashboard's OTLP endpoint) or that it waits for (WaitFor's init container connects);
/// an external endpoint is open to every source, as the ingress controller runs elsewhere.
/// </summary>
internal static class NetworkPolicies
{
    public const string DefaultDenyName = "default-deny-ingress";

    public static IEnumerable<KubernetesDocument> For(IReadOnlyList<IResource> published, Func<IResource, LaunchDescription> launch)
    {
        yield return new($"{DefaultDenyName}-{V1NetworkPolicy.KubeKind.ToLowerInvariant()}.yaml", Policy(
            new V1ObjectMeta { Name = DefaultDenyName }, new V1LabelSelector(), []));

        var workloads = published.Where(HasPods).ToList();
        var edges = workloads.SelectMany(client => ReferencedEndpoints(client, launch(client)).Select(server => (Client: client, Server: server)))
            .Where(e => !ReferenceEquals(e.Client, e.Server.Resource) && workloads.Contains(e.Server.Resource))
            .Distinct()
            .ToList();
        foreach (var server in workloads.Where(w => w.Endpoints().Count > 0))
        {
            var rules = edges.Where(e => ReferenceEquals(e.Server.Resource, server))
                .GroupBy(e => e.Client.Name, StringComparer.Ordinal)
                .OrderBy(g => g.Key, StringComparer.Ordinal)
                .Select(g => new V1NetworkPolicyIngressRule
                {
                    FromProperty = [new V1NetworkPolicyPeer { PodSelector = new V1LabelSelector { MatchLabels = ClusterNames.Selector(g.First().Client) } }],
                    Ports = Ports(server, g.Select(e => e.Server.Endpoint)),
                })
                .ToList();
            if (server.Endpoints().Where(e => e.IsExternal).ToList() is { Count: > 0 } external)
            {
                rules.Add(new V1NetworkPolicyIngressRule { Ports = Ports(server, external) });
            }
            if (rules.Count > 0)
            {
                yield return new(ClusterNames.FileName(server, V1NetworkPolicy.KubeKind), Policy(
                    ClusterNames.Metadata(server), new V1LabelSelector { MatchLabels = ClusterNames.Selector(server) }, rules));
            }
        }
    }

    private static bool HasPods(IResource resource) => resource is ProjectResource or ContainerResource or DashboardResource
        || resource.TryGetLastAnnotation<DockerfileBuildAnnotation>(out _);

    private static V1NetworkPolicy Policy(V1ObjectMeta metadata, V1LabelSelector pods, IList<V1NetworkPolicyIngressRule> ingress) => new()
    {
        ApiVersion = $"{V1NetworkPolicy.KubeGroup}/{V1NetworkPolicy.KubeApiVersion}",
        Kind = V1NetworkPolicy.KubeKind,
        Metadata = metadata,
        Spec = new V1NetworkPolicySpec { PodSelector = pods, PolicyTypes = ["Ingress"], Ingress = ingress },
    };

    private static List<V1NetworkPolicyPort> Ports(IResource server, IEnumerable<EndpointAnnotation> endpoints) =>
        [.. endpoints.Select(e => ClusterExpressionRenderer.ServicePort(server, e)).Distinct().Order()
            .Select(port => new V1NetworkPolicyPort { Port = port, Protocol = "TCP" })];

    private sealed record ServerEndpoint(IResource Resource, EndpointAnnotation Endpoint);

    /// <summary>Every endpoint the client's launch description refers to, and the first endpoint of each server it waits for.</summary>
    private static IEnumerable<ServerEndpoint> ReferencedEndpoints(IResource client, LaunchDescription launch)
    {
        var recorder = new EndpointRecorder();
        foreach (var value in launch.Environment.Values.Concat(launch.Args))
        {
            value.Render(recorder);
        }
        var waitedFor = client.AnnotationsOf<WaitAnnotation>()
            .Where(w => w.WaitType != WaitType.WaitUntilCompleted)
            .Select(w => w.Resource is IResourceWithParent child ? child.Parent : w.Resource)
            .Where(s => s.Endpoints().Count > 0)
            .Select(s => new ServerEndpoint(s, s.Endpoints()[0]));
        return recorder.Endpoints.Concat(waitedFor);
    }

    /// <summary>Renders nothing useful: it notes which endpoints an expression reaches, through connection strings too.</summary>
    private sealed class EndpointRecorder : IExpressionRenderer
    {
        public List<ServerEndpoint> Endpoints { get; } = [];

        public string Endpoint(EndpointReference endpoint, EndpointProperty property)
        {
            if (endpoint.Annotation is { } annotation)
            {
                Endpoints.Add(new ServerEndpoint(endpoint.Resource, annotation));
            }
            return "";
        }

        public string Parameter(ParameterResource parameter) => "";

        public string ConnectionString(IResourceWithConnectionString resource) => resource.ConnectionStringExpression.Render(this);
    }
}
