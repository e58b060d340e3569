using k8s;
using k8s.Models;
using Parity.Hosting.Kubernetes;

namespace Parity.Hosting.Tests.Publishing;

public sealed class NetworkPolicyTests
{
    [Fact]
    public void NothingReachesAPodButTheReferencesWaitsAndExternalEndpointsTheAppHostDeclares()
    {
        var builder = TestApp.CreateBuilder();
        var db = builder.AddPostgres("pg").AddDatabase("db");
        var cache = builder.AddRedis("cache");
        var api = builder.AddProject<Projects.TestService>("api").WithReference(db);
        builder.AddProject<Projects.TestService>("worker").WithReference(api).WaitFor(cache);
        builder.AddProject<Projects.TestService>("web").WithReference(api).WithExternalHttpEndpoints();
        var root = KubernetesPublisher.Write(new DistributedApplicationModel([.. builder.Resources]), Directory.CreateTempSubdirectory("parity-k8s-").FullName, "test");

        var deny = Read(root, "default-deny-ingress");
        Assert.Empty(deny.Spec.PodSelector.MatchLabels ?? new Dictionary<string, string>());
        Assert.Equal(["Ingress"], deny.Spec.PolicyTypes);
        Assert.Empty(deny.Spec.Ingress);

        Assert.Equal([("api", 5432)], Allowed(Read(root, "pg")));
        Assert.Equal([("worker", 6379)], Allowed(Read(root, "cache"))); // WaitFor's init container connects to it
        Assert.Equal([("web", 8080), ("worker", 8080)], Allowed(Read(root, "api")));
        var web = Read(root, "web").Spec.Ingress.Single();
        Assert.Null(web.FromProperty); // an external endpoint: any source, on its port only
        Assert.Equal(8080, int.Parse(web.Ports.Single().Port.Value, System.Globalization.CultureInfo.InvariantCulture));
        Assert.False(File.Exists(Path.Combine(root, "base", "worker-networkpolicy.yaml")), "worker serves no one, so the default denial covers it");
    }

    private static V1NetworkPolicy Read(string root, string name) =>
        KubernetesYaml.Deserialize<V1NetworkPolicy>(File.ReadAllText(Path.Combine(root, "base", $"{name}-networkpolicy.yaml")), strict: true);

    private static List<(string Client, int Port)> Allowed(V1NetworkPolicy policy) =>
        [.. policy.Spec.Ingress.SelectMany(rule => rule.Ports.Select(port =>
            (rule.FromProperty.Single().PodSelector.MatchLabels["app.kubernetes.io/name"], int.Parse(port.Port.Value, System.Globalization.CultureInfo.InvariantCulture))))];
}
