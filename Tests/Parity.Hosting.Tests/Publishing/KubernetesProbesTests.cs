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

    [Fact]
    public void DeclaredHttpProbesAreTheContainersProbesWithTheirTimings()
    {
        var builder = TestApp.CreateBuilder();
        builder.AddProject<Projects.TestService>("api")
            .WithHttpProbe(ProbeType.Startup, "/started", initialDelaySeconds: 2, failureThreshold: 30)
            .WithHttpProbe(ProbeType.Readiness, "/ready", periodSeconds: 7, timeoutSeconds: 2);
        var output = Directory.CreateTempSubdirectory("parity-k8s-").FullName;

        var root = KubernetesPublisher.Write(new DistributedApplicationModel([.. builder.Resources]), output, "test");

        var container = KubernetesYaml.Deserialize<V1Deployment>(File.ReadAllText(Path.Combine(root, "base", "api-deployment.yaml")), strict: true)
            .Spec.Template.Spec.Containers[0];
        Assert.Equal(("/started", "http", 2, 30), (container.StartupProbe.HttpGet.Path, container.StartupProbe.HttpGet.Port.Value, container.StartupProbe.InitialDelaySeconds, container.StartupProbe.FailureThreshold));
        Assert.Equal(("/ready", 7, 2), (container.ReadinessProbe.HttpGet.Path, container.ReadinessProbe.PeriodSeconds, container.ReadinessProbe.TimeoutSeconds));
        Assert.Equal("/alive", container.LivenessProbe.HttpGet.Path); // not declared: ServiceDefaults' default stays
    }

    private static (string Liveness, string Readiness) Probes(string file)
    {
        var container = KubernetesYaml.Deserialize<V1Deployment>(File.ReadAllText(file), strict: true).Spec.Template.Spec.Containers[0];
        return (container.LivenessProbe.HttpGet.Path, container.ReadinessProbe.HttpGet.Path);
    }
}
