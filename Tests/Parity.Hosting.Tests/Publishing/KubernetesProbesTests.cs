using k8s;
using k8s.Models;
using Parity.Hosting.Kubernetes;

namespace Parity.Hosting.Tests.Publishing;

public sealed class KubernetesProbesTests
{
    [Fact]
    public void ProbesCallServiceDefaultsEndpointsUnlessAProjectSaysOtherwise()
    {
        var builder = TestApp.CreateBuilder();
        builder.AddProject<Projects.TestService>("plain");
        builder.AddProject<Projects.TestService>("custom").PublishWithProbes(livenessPath: "/live", readinessPath: "/ready");
        var output = Directory.CreateTempSubdirectory("parity-k8s-").FullName;

        var root = KubernetesPublisher.Write(new DistributedApplicationModel([.. builder.Resources]), output, "test");

        Assert.Equal(("/alive", "/health"), Probes(Path.Combine(root, "base", "plain-deployment.yaml")));
        Assert.Equal(("/live", "/ready"), Probes(Path.Combine(root, "base", "custom-deployment.yaml")));
    }

    private static (string Liveness, string Readiness) Probes(string file)
    {
        var container = KubernetesYaml.Deserialize<V1Deployment>(File.ReadAllText(file), strict: true).Spec.Template.Spec.Containers[0];
        return (container.LivenessProbe.HttpGet.Path, container.ReadinessProbe.HttpGet.Path);
    }
}
