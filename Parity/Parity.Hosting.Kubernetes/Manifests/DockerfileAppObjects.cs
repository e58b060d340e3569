using k8s.Models;
using Parity.Hosting.ApplicationModel;

namespace Parity.Hosting.Kubernetes;

/// <summary>
/// A process published with <c>PublishAsDockerFile()</c> (a Node or Python app): a Deployment of the image its
/// Dockerfile builds (named after the resource; <c>deploy</c> builds it), a Service over its endpoints, an Ingress
/// for an external one. Probed on its declared health check, since it has no <c>/alive</c> of ServiceDefaults.
/// </summary>
internal static class DockerfileAppObjects
{
    public static IEnumerable<KubernetesDocument> For(IResource resource, LaunchDescription launch, string secretName)
    {
        var environment = ContainerEnvironment.Of(launch, secretName);
        yield return new(ClusterNames.FileName(resource, V1ConfigMap.KubeKind), new V1ConfigMap
        {
            ApiVersion = V1ConfigMap.KubeApiVersion,
            Kind = V1ConfigMap.KubeKind,
            Metadata = ClusterNames.Metadata(resource, ClusterNames.ConfigMapName(resource)),
            Data = environment.Plain,
        });
        yield return new(ClusterNames.FileName(resource, V1Deployment.KubeKind), Deployment(resource, environment));
        foreach (var document in ProjectObjects.Exposure(resource))
        {
            yield return document;
        }
    }

    private static V1Deployment Deployment(IResource resource, ContainerEnvironment environment) => new()
    {
        ApiVersion = $"{V1Deployment.KubeGroup}/{V1Deployment.KubeApiVersion}",
        Kind = V1Deployment.KubeKind,
        Metadata = ClusterNames.Metadata(resource),
        Spec = new V1DeploymentSpec
        {
            Replicas = resource.ReplicaCount(),
            Selector = new V1LabelSelector { MatchLabels = ClusterNames.Selector(resource) },
            Strategy = new V1DeploymentStrategy
            {
                Type = "RollingUpdate",
                RollingUpdate = new V1RollingUpdateDeployment { MaxUnavailable = 0, MaxSurge = 1 },
            },
            Template = new V1PodTemplateSpec
            {
                Metadata = new V1ObjectMeta { Labels = ClusterNames.Selector(resource) },
                Spec = new V1PodSpec
                {
                    InitContainers = WaitInitContainers.For(resource),
                    Containers = [Container(resource, environment)],
                },
            },
        },
    };

    private static V1Container Container(IResource resource, ContainerEnvironment environment)
    {
        var http = resource.Endpoints().FirstOrDefault(e => e.UriScheme == "http");
        var probes = resource.TryGetLastAnnotation<ProbesAnnotation>(out var declared) ? declared
            : resource.TryGetLastAnnotation<HttpHealthCheckAnnotation>(out var health) ? new ProbesAnnotation(health.Path, health.Path) : null;
        return new V1Container
        {
            Name = resource.Name,
            Image = $"{ClusterNames.ImageName(resource)}:{ProjectObjects.DefaultImageTag}",
            Args = environment.Args,
            Ports = ProjectObjects.ContainerPorts(resource),
            EnvFrom = [new V1EnvFromSource { ConfigMapRef = new V1ConfigMapEnvSource { Name = ClusterNames.ConfigMapName(resource) } }],
            Env = environment.SecretDerived.Count > 0 ? environment.SecretDerived : null,
            Resources = ProjectObjects.DefaultResources(),
            LivenessProbe = probes is not null && http is not null ? ProjectObjects.HttpProbe(probes.LivenessPath, http.Name) : null,
            ReadinessProbe = probes is not null && http is not null ? ProjectObjects.HttpProbe(probes.ReadinessPath, http.Name) : null,
        };
    }
}
