using k8s.Models;
using Parity.Hosting.ApplicationModel;

namespace Parity.Hosting.Kubernetes;

/// <summary>
/// A program Parity ships, run from its image (<see cref="ToolImageAnnotation"/>, e.g. the YARP host): stateless, so a
/// Deployment behind a ClusterIP Service, probed on its declared paths, with an Ingress when an HTTP endpoint is external.
/// Its environment is its launch description's, rendered for the cluster.
/// </summary>
internal static class ToolImageObjects
{
    public static IEnumerable<KubernetesDocument> For(ContainerResource resource, LaunchDescription launch, string secretName)
    {
        var environment = ContainerEnvironment.Of(launch, secretName);
        yield return new(ClusterNames.FileName(resource, V1Deployment.KubeKind), Deployment(resource, environment));
        foreach (var document in ProjectObjects.Exposure(resource))
        {
            yield return document;
        }
    }

    private static V1Deployment Deployment(ContainerResource resource, ContainerEnvironment environment)
    {
        var http = resource.Endpoints().FirstOrDefault(e => e.UriScheme == "http");
        var probes = resource.AnnotationsOf<ProbesAnnotation>().LastOrDefault();
        return new()
        {
            ApiVersion = $"{V1Deployment.KubeGroup}/{V1Deployment.KubeApiVersion}",
            Kind = V1Deployment.KubeKind,
            Metadata = ClusterNames.Metadata(resource),
            Spec = new V1DeploymentSpec
            {
                Replicas = resource.ReplicaCount(),
                Selector = new V1LabelSelector { MatchLabels = ClusterNames.Selector(resource) },
                Template = new V1PodTemplateSpec
                {
                    Metadata = new V1ObjectMeta { Labels = ClusterNames.Selector(resource) },
                    Spec = new V1PodSpec
                    {
                        InitContainers = WaitInitContainers.For(resource),
                        Containers =
                        [
                            new V1Container
                            {
                                Name = resource.Name,
                                Image = resource.AnnotationsOf<ContainerImageAnnotation>().Last().Reference,
                                Args = environment.Args,
                                Ports = ProjectObjects.ContainerPorts(resource),
                                Env = environment.AllAsEnv() is { Count: > 0 } env ? env : null,
                                Resources = ProjectObjects.DefaultResources(),
                                LivenessProbe = probes is null || http is null ? null : ProjectObjects.HttpProbe(probes.LivenessPath, http.Name),
                                ReadinessProbe = probes is null || http is null ? null : ProjectObjects.HttpProbe(probes.ReadinessPath, http.Name),
                            },
                        ],
                    },
                },
            },
        };
    }
}
