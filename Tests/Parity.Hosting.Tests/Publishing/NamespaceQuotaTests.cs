using k8s;
using k8s.Models;
using Parity.Hosting.Kubernetes;

namespace Parity.Hosting.Tests.Publishing;

public sealed class NamespaceQuotaTests
{
    [Fact]
    public void EachOverlaysQuotaIsItsWorkloadsPeakPlusTheHeadroom()
    {
        var builder = TestApp.CreateBuilder();
        builder.AddPostgres("pg").WithDataVolume();
        builder.AddProject<Projects.TestService>("api").WithReplicas(2);
        var model = new DistributedApplicationModel([.. builder.Resources]);

        // api: 2 replicas and a rolling update's extra pod at 100m / 128Mi each (250m / 256Mi in prod); pg: one pod at 100m / 256Mi.
        var exact = KubernetesPublisher.Write(model, Directory.CreateTempSubdirectory("parity-k8s-").FullName, "test", quotaHeadroomPercent: 0);
        Assert.Equal(("4", "400m", "640Mi", "2500m", "2560Mi", "1"), Hard(exact, "dev"));
        Assert.Equal(("4", "850m", "1Gi", "4", "4Gi", "1"), Hard(exact, "prod"));

        var withHeadroom = KubernetesPublisher.Write(model, Directory.CreateTempSubdirectory("parity-k8s-").FullName, "test");
        Assert.Equal(("6", "600m", "960Mi", "3750m", "3840Mi", "1"), Hard(withHeadroom, "dev"));

        var limits = KubernetesYaml.Deserialize<V1LimitRange>(File.ReadAllText(Path.Combine(exact, "overlays", "prod", "workloads-limitrange.yaml")), strict: true).Spec.Limits.Single();
        Assert.Equal(("100m", "500m", "1", "1Gi"), (limits.DefaultRequest["cpu"].ToString(), limits.DefaultProperty["cpu"].ToString(), limits.Max["cpu"].ToString(), limits.Max["memory"].ToString()));
        Assert.Contains("workloads-resourcequota.yaml", File.ReadAllText(Path.Combine(exact, "overlays", "prod", "kustomization.yaml")));
    }

    private static (string, string, string, string, string, string) Hard(string root, string overlay)
    {
        var hard = KubernetesYaml.Deserialize<V1ResourceQuota>(File.ReadAllText(Path.Combine(root, "overlays", overlay, "workloads-resourcequota.yaml")), strict: true).Spec.Hard;
        return (hard["pods"].ToString(), hard["requests.cpu"].ToString(), hard["requests.memory"].ToString(), hard["limits.cpu"].ToString(), hard["limits.memory"].ToString(), hard["persistentvolumeclaims"].ToString());
    }
}
