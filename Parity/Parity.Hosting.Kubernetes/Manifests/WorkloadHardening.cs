using System.Text.RegularExpressions;
using k8s.Models;
using Parity.Hosting.ApplicationModel;

namespace Parity.Hosting.Kubernetes;

/// <summary>Applies a resource's <see cref="PodSecurity"/> to every pod it publishes (Deployments, StatefulSets, Jobs), init containers included.</summary>
internal static partial class WorkloadHardening
{
    /// <summary>What a waiting init container requests and may use: it only polls.</summary>
    private static V1ResourceRequirements InitContainerResources() => new()
    {
        Requests = new Dictionary<string, ResourceQuantity> { ["cpu"] = new("10m"), ["memory"] = new("32Mi") },
        Limits = new Dictionary<string, ResourceQuantity> { ["cpu"] = new("100m"), ["memory"] = new("128Mi") },
    };

    public static void Apply(IResource resource, object document)
    {
        if (Workloads.PodTemplateOf(document)?.Spec is not { } pod)
        {
            return;
        }
        var security = resource.PodSecurityOf();
        pod.SecurityContext = new V1PodSecurityContext
        {
            RunAsNonRoot = true,
            RunAsUser = security.RunAsUser,
            RunAsGroup = security.RunAsGroup,
            FsGroup = security.RunAsGroup,
            SeccompProfile = new V1SeccompProfile { Type = "RuntimeDefault" },
        };
        // Only a container that asks the API server about a Job needs the service account's token.
        pod.AutomountServiceAccountToken = pod.InitContainers?.Any(c => c.Image == WaitInitContainers.JobWaitImage) == true;
        var containers = (pod.InitContainers ?? []).Concat(pod.Containers).ToList();
        foreach (var container in containers)
        {
            container.SecurityContext = new V1SecurityContext
            {
                AllowPrivilegeEscalation = false,
                Privileged = false,
                ReadOnlyRootFilesystem = security.ReadOnlyRootFilesystem,
                Capabilities = new V1Capabilities { Drop = ["ALL"], Add = security.AddedCapabilities.Count > 0 ? [.. security.AddedCapabilities] : null },
            };
        }
        pod.InitContainers?.ToList().ForEach(c => c.Resources ??= InitContainerResources());
        pod.Containers.ToList().ForEach(c => c.Resources ??= ProjectObjects.DefaultResources());
        if (security.ReadOnlyRootFilesystem)
        {
            MountWritablePaths(pod, containers, security.WritablePaths);
        }
    }

    /// <summary>An emptyDir per writable path, mounted in each container that has nothing mounted there already.</summary>
    private static void MountWritablePaths(V1PodSpec pod, List<V1Container> containers, IEnumerable<string> paths)
    {
        foreach (var path in paths.Distinct(StringComparer.Ordinal))
        {
            var name = "writable-" + NotInName().Replace(path.ToLowerInvariant(), "-").Trim('-');
            var mounted = false;
            foreach (var container in containers.Where(c => c.VolumeMounts?.Any(m => m.MountPath == path) != true))
            {
                container.VolumeMounts ??= [];
                container.VolumeMounts.Add(new V1VolumeMount { Name = name, MountPath = path });
                mounted = true;
            }
            if (mounted)
            {
                pod.Volumes ??= [];
                pod.Volumes.Add(new V1Volume { Name = name, EmptyDir = new V1EmptyDirVolumeSource() });
            }
        }
    }

    [GeneratedRegex("[^a-z0-9]+")]
    private static partial Regex NotInName();
}
