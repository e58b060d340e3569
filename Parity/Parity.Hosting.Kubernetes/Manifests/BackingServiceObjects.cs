using k8s.Models;
using Parity.Hosting.ApplicationModel;

namespace Parity.Hosting.Kubernetes;

/// <summary>
/// A container in the cluster. A backing service (one others reach by connection string) or a container with volumes
/// is a StatefulSet of its image behind a headless Service with the resource's name, with a PersistentVolumeClaim per
/// replica for each named volume; any other container is a Deployment behind a ClusterIP Service. Anonymous volumes
/// are emptyDirs (they live as long as the pod, as locally they live as long as the container). Bind mounts and
/// container runtime options are this machine's: they have no cluster form.
/// </summary>
internal static class BackingServiceObjects
{
    private const string DefaultVolumeSize = "1Gi";

    public static IEnumerable<KubernetesDocument> For(ContainerResource container, LaunchDescription launch, string secretName)
    {
        var image = container.AnnotationsOf<ContainerImageAnnotation>().LastOrDefault()
            ?? throw new DistributedApplicationException($"Resource '{container.Name}' has no container image for publishing.");
        var environment = ContainerEnvironment.Of(launch, secretName);
        var files = container.AnnotationsOf<ContainerFilesAnnotation>()
            .Select(a => (a.Name, a.DestinationPath, Files: a.Files()))
            .Where(f => f.Files.Count > 0)
            .Select(f => new MountedFiles(f.Name, f.DestinationPath, FilesConfigMap(container, f.Name, f.Files)))
            .ToList();
        foreach (var mounted in files)
        {
            yield return new($"{mounted.ConfigMap.Metadata.Name}-{V1ConfigMap.KubeKind.ToLowerInvariant()}.yaml", mounted.ConfigMap);
        }
        var volumes = ClaimedVolumes(container);
        if (container is IResourceWithConnectionString || volumes.Count > 0)
        {
            yield return new(ClusterNames.FileName(container, V1StatefulSet.KubeKind), StatefulSet(container, PodTemplate(container, image, environment, files, volumes), volumes));
            yield return new(ClusterNames.FileName(container, V1Service.KubeKind), Service(container));
        }
        else
        {
            yield return new(ClusterNames.FileName(container, V1Deployment.KubeKind), Deployment(container, PodTemplate(container, image, environment, files, volumes)));
            if (container.Endpoints().Count > 0)
            {
                yield return new(ClusterNames.FileName(container, V1Service.KubeKind), ProjectObjects.Service(container));
            }
        }
    }

    /// <summary>A volume that outlives the pod: a data volume, or a named volume of WithVolume.</summary>
    private sealed record ClaimedVolume(string Name, string Target, bool IsReadOnly);

    private static List<ClaimedVolume> ClaimedVolumes(ContainerResource container) =>
    [
        .. container.AnnotationsOf<VolumeAnnotation>().Select(v => new ClaimedVolume(v.Name, v.ContainerPath, v.IsReadOnly)),
        .. container.AnnotationsOf<ContainerMountAnnotation>()
            .Where(m => m.Type == ContainerMountType.Volume && m.Source is not null)
            .Select(m => new ClaimedVolume(m.Source!, m.Target, m.IsReadOnly)),
    ];

    private sealed record MountedFiles(string Name, string DestinationPath, V1ConfigMap ConfigMap);

    private static V1ConfigMap FilesConfigMap(ContainerResource container, string name, IReadOnlyDictionary<string, string> files) => new()
    {
        ApiVersion = V1ConfigMap.KubeApiVersion,
        Kind = V1ConfigMap.KubeKind,
        Metadata = ClusterNames.Metadata(container, $"{container.Name}-{name}"),
        Data = new SortedDictionary<string, string>(files.ToDictionary(), StringComparer.Ordinal),
    };

    private static V1PodTemplateSpec PodTemplate(
        ContainerResource container, ContainerImageAnnotation image, ContainerEnvironment environment, List<MountedFiles> files, List<ClaimedVolume> volumes)
    {
        var anonymous = container.AnnotationsOf<ContainerMountAnnotation>()
            .Where(m => m.Type == ContainerMountType.Volume && m.Source is null)
            .Select((m, index) => (Name: $"{container.Name}-scratch-{index}", m.Target))
            .ToList();
        var mounts = volumes.Select(v => new V1VolumeMount
        {
            Name = v.Name,
            MountPath = v.Target,
            // A new volume's root holds lost+found, which postgres' initdb refuses as a data directory.
            SubPath = "data",
            ReadOnlyProperty = v.IsReadOnly ? true : null,
        }).ToList();
        mounts.AddRange(files.Select(f => new V1VolumeMount { Name = f.Name, MountPath = f.DestinationPath, ReadOnlyProperty = true }));
        mounts.AddRange(anonymous.Select(a => new V1VolumeMount { Name = a.Name, MountPath = a.Target }));
        List<V1Volume> podVolumes =
        [
            .. files.Select(f => new V1Volume { Name = f.Name, ConfigMap = new V1ConfigMapVolumeSource { Name = f.ConfigMap.Metadata.Name } }),
            .. anonymous.Select(a => new V1Volume { Name = a.Name, EmptyDir = new V1EmptyDirVolumeSource() }),
        ];
        return new V1PodTemplateSpec
        {
            Metadata = new V1ObjectMeta { Labels = ClusterNames.Selector(container) },
            Spec = new V1PodSpec
            {
                InitContainers = WaitInitContainers.For(container),
                Containers =
                [
                    new V1Container
                    {
                        Name = container.Name,
                        Image = image.Reference,
                        ImagePullPolicy = ImagePullPolicyOf(container),
                        Command = image.Entrypoint is null ? null : [image.Entrypoint],
                        Args = environment.Args,
                        Ports = ProjectObjects.ContainerPorts(container),
                        Env = environment.AllAsEnv() is { Count: > 0 } env ? env : null,
                        VolumeMounts = mounts.Count > 0 ? mounts : null,
                        Resources = BackingServiceResources(),
                        ReadinessProbe = ReadinessProbe(container),
                        LivenessProbe = LivenessProbe(container),
                    },
                ],
                Volumes = podVolumes.Count > 0 ? podVolumes : null,
            },
        };
    }

    /// <summary>The declared HTTP health check, else a TCP connection to the first endpoint, else none.</summary>
    private static V1Probe? ReadinessProbe(ContainerResource container)
    {
        if (container.AnnotationsOf<HttpHealthCheckAnnotation>().LastOrDefault() is { } check)
        {
            return new V1Probe { HttpGet = new V1HTTPGetAction { Path = check.Path, Port = check.EndpointName }, InitialDelaySeconds = 5, PeriodSeconds = 10 };
        }
        return container.Endpoints().FirstOrDefault() is { } primary
            ? new V1Probe { TcpSocket = new V1TCPSocketAction { Port = primary.Name }, InitialDelaySeconds = 5, PeriodSeconds = 10 }
            : null;
    }

    /// <summary>Restarts a server that stopped accepting connections; later and slower than readiness, so a long recovery is not cut short.</summary>
    private static V1Probe? LivenessProbe(ContainerResource container) =>
        container.Endpoints().FirstOrDefault() is { } primary
            ? new V1Probe { TcpSocket = new V1TCPSocketAction { Port = primary.Name }, InitialDelaySeconds = 30, PeriodSeconds = 20, FailureThreshold = 6 }
            : null;

    /// <summary>What a backing service requests and may use.</summary>
    private static V1ResourceRequirements BackingServiceResources() => new()
    {
        Requests = new Dictionary<string, ResourceQuantity> { ["cpu"] = new("100m"), ["memory"] = new("256Mi") },
        Limits = new Dictionary<string, ResourceQuantity> { ["cpu"] = new("1"), ["memory"] = new("1Gi") },
    };

    private static V1Deployment Deployment(ContainerResource container, V1PodTemplateSpec template) => new()
    {
        ApiVersion = $"{V1Deployment.KubeGroup}/{V1Deployment.KubeApiVersion}",
        Kind = V1Deployment.KubeKind,
        Metadata = ClusterNames.Metadata(container),
        Spec = new V1DeploymentSpec
        {
            Replicas = container.ReplicaCount(),
            Selector = new V1LabelSelector { MatchLabels = ClusterNames.Selector(container) },
            Template = template,
        },
    };

    private static V1StatefulSet StatefulSet(ContainerResource container, V1PodTemplateSpec template, List<ClaimedVolume> volumes) => new()
    {
        ApiVersion = $"{V1StatefulSet.KubeGroup}/{V1StatefulSet.KubeApiVersion}",
        Kind = V1StatefulSet.KubeKind,
        Metadata = ClusterNames.Metadata(container),
        Spec = new V1StatefulSetSpec
        {
            ServiceName = container.Name,
            Replicas = container.ReplicaCount(),
            Selector = new V1LabelSelector { MatchLabels = ClusterNames.Selector(container) },
            Template = template,
            VolumeClaimTemplates = volumes.Count == 0 ? null : [.. volumes.Select(v => new V1PersistentVolumeClaim
            {
                ApiVersion = V1PersistentVolumeClaim.KubeApiVersion,
                Kind = V1PersistentVolumeClaim.KubeKind,
                Metadata = new V1ObjectMeta { Name = v.Name },
                Spec = new V1PersistentVolumeClaimSpec
                {
                    AccessModes = ["ReadWriteOnce"],
                    Resources = new V1VolumeResourceRequirements
                    {
                        Requests = new Dictionary<string, ResourceQuantity> { ["storage"] = new(DefaultVolumeSize) },
                    },
                },
            })],
        },
    };

    private static V1Service Service(ContainerResource container) => new()
    {
        ApiVersion = V1Service.KubeApiVersion,
        Kind = V1Service.KubeKind,
        Metadata = ClusterNames.Metadata(container),
        Spec = new V1ServiceSpec
        {
            // Headless: the name resolves to the StatefulSet's pod, which a single-replica backing service is.
            ClusterIP = "None",
            Selector = ClusterNames.Selector(container),
            Ports = [.. container.Endpoints().Select(e =>
            {
                var port = ClusterExpressionRenderer.ServicePort(container, e);
                return new V1ServicePort { Name = e.Name, Port = port, Protocol = "TCP", TargetPort = port, AppProtocol = ProjectObjects.AppProtocolOf(container, e) };
            })],
        },
    };

    /// <summary>The declared policy as Kubernetes spells it, or null for the cluster's default.</summary>
    private static string? ImagePullPolicyOf(IResource container) => ContainerImagePullPolicyAnnotation.Of(container) switch
    {
        ImagePullPolicy.Always => "Always",
        ImagePullPolicy.Missing => "IfNotPresent",
        ImagePullPolicy.Never => "Never",
        _ => null,
    };
}
