using k8s.Models;
using Parity.Hosting.ApplicationModel;

namespace Parity.Hosting.Kubernetes;

/// <summary>
/// A backing service in the cluster: a StatefulSet of its image behind a headless Service with the resource's name,
/// the name clients' connection strings use; a PersistentVolumeClaim per replica for each declared volume.
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
        yield return new(ClusterNames.FileName(container, V1StatefulSet.KubeKind), StatefulSet(container, image, environment, files));
        yield return new(ClusterNames.FileName(container, V1Service.KubeKind), Service(container));
    }

    private sealed record MountedFiles(string Name, string DestinationPath, V1ConfigMap ConfigMap);

    private static V1ConfigMap FilesConfigMap(ContainerResource container, string name, IReadOnlyDictionary<string, string> files) => new()
    {
        ApiVersion = V1ConfigMap.KubeApiVersion,
        Kind = V1ConfigMap.KubeKind,
        Metadata = ClusterNames.Metadata(container, $"{container.Name}-{name}"),
        Data = new SortedDictionary<string, string>(files.ToDictionary(), StringComparer.Ordinal),
    };

    private static V1StatefulSet StatefulSet(ContainerResource container, ContainerImageAnnotation image, ContainerEnvironment environment, List<MountedFiles> files)
    {
        var volumes = container.AnnotationsOf<VolumeAnnotation>().ToList();
        var mounts = volumes.Select(v => new V1VolumeMount
        {
            Name = v.Name,
            MountPath = v.ContainerPath,
            // A new volume's root holds lost+found, which postgres' initdb refuses as a data directory.
            SubPath = "data",
        }).ToList();
        mounts.AddRange(files.Select(f => new V1VolumeMount { Name = f.Name, MountPath = f.DestinationPath, ReadOnlyProperty = true }));
        var primary = container.Endpoints().FirstOrDefault();
        return new V1StatefulSet
        {
            ApiVersion = $"{V1StatefulSet.KubeGroup}/{V1StatefulSet.KubeApiVersion}",
            Kind = V1StatefulSet.KubeKind,
            Metadata = ClusterNames.Metadata(container),
            Spec = new V1StatefulSetSpec
            {
                ServiceName = container.Name,
                Replicas = container.ReplicaCount(),
                Selector = new V1LabelSelector { MatchLabels = ClusterNames.Selector(container) },
                Template = new V1PodTemplateSpec
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
                                Command = image.Entrypoint is null ? null : [image.Entrypoint],
                                Args = environment.Args,
                                Ports = [.. container.Endpoints().Select(e =>
                                    new V1ContainerPort { ContainerPort = ClusterExpressionRenderer.ServicePort(container, e), Name = e.Name, Protocol = "TCP" })],
                                Env = environment.AllAsEnv() is { Count: > 0 } env ? env : null,
                                VolumeMounts = mounts.Count > 0 ? mounts : null,
                                ReadinessProbe = primary is null ? null : new V1Probe
                                {
                                    TcpSocket = new V1TCPSocketAction { Port = primary.Name },
                                    InitialDelaySeconds = 5,
                                    PeriodSeconds = 10,
                                },
                            },
                        ],
                        Volumes = files.Count == 0 ? null :
                        [
                            .. files.Select(f => new V1Volume { Name = f.Name, ConfigMap = new V1ConfigMapVolumeSource { Name = f.ConfigMap.Metadata.Name } }),
                        ],
                    },
                },
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
    }

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
                return new V1ServicePort { Name = e.Name, Port = port, Protocol = "TCP", TargetPort = port };
            })],
        },
    };
}
