using k8s.Models;
using Parity.Hosting.ApplicationModel;

namespace Parity.Hosting.Kubernetes;

/// <summary>
/// The dashboard in the cluster: one replica (its telemetry lives in memory, so replicas would each see a part)
/// behind a ClusterIP Service with the frontend, OTLP/gRPC and OTLP/HTTP ports. No Ingress: it is reached with
/// <c>kubectl port-forward</c>, and its keys come from the overlay's Secret.
/// </summary>
internal static class DashboardObjects
{
    public static IEnumerable<KubernetesDocument> For(DashboardResource dashboard, LaunchDescription launch, string secretName)
    {
        var environment = ContainerEnvironment.Of(launch, secretName);
        yield return new(ClusterNames.FileName(dashboard, V1Deployment.KubeKind), Deployment(dashboard, environment));
        yield return new(ClusterNames.FileName(dashboard, V1Service.KubeKind), ProjectObjects.Service(dashboard));
    }

    private static V1Deployment Deployment(DashboardResource dashboard, ContainerEnvironment environment) => new()
    {
        ApiVersion = $"{V1Deployment.KubeGroup}/{V1Deployment.KubeApiVersion}",
        Kind = V1Deployment.KubeKind,
        Metadata = ClusterNames.Metadata(dashboard),
        Spec = new V1DeploymentSpec
        {
            Replicas = 1,
            Selector = new V1LabelSelector { MatchLabels = ClusterNames.Selector(dashboard) },
            Template = new V1PodTemplateSpec
            {
                Metadata = new V1ObjectMeta { Labels = ClusterNames.Selector(dashboard) },
                Spec = new V1PodSpec
                {
                    Containers =
                    [
                        new V1Container
                        {
                            Name = dashboard.Name,
                            Image = dashboard.AnnotationsOf<ContainerImageAnnotation>().Last().Reference,
                            Ports = ProjectObjects.ContainerPorts(dashboard),
                            Env = environment.AllAsEnv(),
                            Resources = ProjectObjects.DefaultResources(),
                            LivenessProbe = ProjectObjects.HttpProbe(DashboardResource.HealthPath, DashboardResource.FrontendEndpoint),
                            ReadinessProbe = ProjectObjects.HttpProbe(DashboardResource.HealthPath, DashboardResource.FrontendEndpoint),
                        },
                    ],
                },
            },
        },
    };
}
