using k8s.Models;
using Parity.Hosting.ApplicationModel;

namespace Parity.Hosting.Kubernetes;

/// <summary>
/// The objects of a project published blue/green or canary (see <see cref="DeploymentStrategy"/>). Every pod keeps the
/// project's name label, so the network policies, the policy rules and the quota cover the new Deployments as they
/// cover one; the strategy's own label (a colour, a track) tells the Deployments and the Services apart.
/// </summary>
internal static class StrategyObjects
{
    public const string CanaryAnnotation = "nginx.ingress.kubernetes.io/canary";
    public const string CanaryWeightAnnotation = "nginx.ingress.kubernetes.io/canary-weight";
    public const string Stable = "stable";
    public const string CanaryTrack = "canary";

    /// <summary>The Deployments a strategy publishes for the project, by name.</summary>
    public static IReadOnlyList<string> DeploymentNames(ProjectResource project) => project.DeploymentStrategyOf() switch
    {
        BlueGreenStrategy => [ColorName(project, BlueGreenStrategy.Blue), ColorName(project, BlueGreenStrategy.Green)],
        CanaryStrategy => [project.Name, CanaryName(project)],
        _ => [project.Name],
    };

    /// <summary>The Deployments that carry the project's declared replicas (a canary's one pod does not).</summary>
    public static IReadOnlyList<string> FullSizeDeploymentNames(ProjectResource project) =>
        project.DeploymentStrategyOf() is CanaryStrategy ? [project.Name] : DeploymentNames(project);

    public static string ColorName(IResource project, string color) => ColorName(project.Name, color);

    public static string ColorName(string name, string color) => $"{name}-{color}";

    public static string CanaryName(IResource project) => CanaryName(project.Name);

    public static string CanaryName(string name) => $"{name}-canary";

    public static string StableServiceName(IResource project) => $"{project.Name}-stable";

    /// <summary>
    /// Both colours at full size (the idle one takes the next release and is checked before the switch, and a rollback
    /// is instant), each with its own budget and autoscaler; the Service selects blue.
    /// </summary>
    public static IEnumerable<KubernetesDocument> BlueGreen(ProjectResource project, ProjectObjects.ProjectPods pods, int replicas)
    {
        foreach (var color in (string[])[BlueGreenStrategy.Blue, BlueGreenStrategy.Green])
        {
            var name = ColorName(project, color);
            var labels = new Dictionary<string, string> { [DeploymentStrategy.ColorLabel] = color };
            yield return new(FileName(name, V1Deployment.KubeKind), pods.Deployment(name, labels, replicas));
            if (replicas > 1)
            {
                yield return new(FileName(name, V1PodDisruptionBudget.KubeKind), ProjectObjects.DisruptionBudget(project.Name, name, labels));
            }
            if (project.TryGetLastAnnotation<AutoscalingAnnotation>(out var autoscaling))
            {
                yield return new(FileName(name, V2HorizontalPodAutoscaler.KubeKind), ProjectObjects.Autoscaler(project, name, autoscaling));
            }
        }
        if (project.Endpoints().Count > 0)
        {
            yield return new(ClusterNames.FileName(project, V1Service.KubeKind), ProjectObjects.Service(
                project, labels: new Dictionary<string, string> { [DeploymentStrategy.ColorLabel] = BlueGreenStrategy.Blue }));
        }
        if (ExternalHttp(project) is { } external)
        {
            yield return new(ClusterNames.FileName(project, V1Ingress.KubeKind), ProjectObjects.Ingress(project, external));
        }
    }

    /// <summary>
    /// The stable Deployment at the declared size and a one-pod canary, both behind the project's Service (inside the
    /// cluster traffic splits by replica ratio). An external endpoint's Ingress routes to the stable pods alone and a
    /// canary Ingress sends the declared weight to the canary's, so the external share is exactly the weight.
    /// </summary>
    public static IEnumerable<KubernetesDocument> Canary(ProjectResource project, ProjectObjects.ProjectPods pods, int replicas, CanaryStrategy strategy)
    {
        var stable = new Dictionary<string, string> { [DeploymentStrategy.TrackLabel] = Stable };
        var canary = new Dictionary<string, string> { [DeploymentStrategy.TrackLabel] = CanaryTrack };
        yield return new(ClusterNames.FileName(project, V1Deployment.KubeKind), pods.Deployment(project.Name, stable, replicas));
        yield return new(FileName(CanaryName(project), V1Deployment.KubeKind), pods.Deployment(CanaryName(project), canary, 1));
        if (replicas > 1)
        {
            yield return new(ClusterNames.FileName(project, V1PodDisruptionBudget.KubeKind), ProjectObjects.DisruptionBudget(project.Name, labels: stable));
        }
        if (project.TryGetLastAnnotation<AutoscalingAnnotation>(out var autoscaling))
        {
            yield return new(ClusterNames.FileName(project, V2HorizontalPodAutoscaler.KubeKind), ProjectObjects.Autoscaler(project, project.Name, autoscaling));
        }
        if (project.Endpoints().Count > 0)
        {
            yield return new(ClusterNames.FileName(project, V1Service.KubeKind), ProjectObjects.Service(project));
        }
        if (ExternalHttp(project) is { } external)
        {
            yield return new(FileName(StableServiceName(project), V1Service.KubeKind), ProjectObjects.Service(project, StableServiceName(project), stable));
            yield return new(FileName(CanaryName(project), V1Service.KubeKind), ProjectObjects.Service(project, CanaryName(project), canary));
            yield return new(ClusterNames.FileName(project, V1Ingress.KubeKind), ProjectObjects.Ingress(project, external, service: StableServiceName(project)));
            var canaryIngress = ProjectObjects.Ingress(project, external, CanaryName(project), CanaryName(project));
            canaryIngress.Metadata.Annotations = new Dictionary<string, string>(StringComparer.Ordinal)
            {
                [CanaryAnnotation] = "true",
                [CanaryWeightAnnotation] = strategy.Weight.ToString(System.Globalization.CultureInfo.InvariantCulture),
            };
            yield return new(FileName(CanaryName(project), V1Ingress.KubeKind), canaryIngress);
        }
    }

    private static EndpointAnnotation? ExternalHttp(IResource project) => project.Endpoints().FirstOrDefault(e => e.IsExternal && e.IsHttp);

    private static string FileName(string name, string kind) => $"{name}-{kind.ToLowerInvariant()}.yaml";
}
