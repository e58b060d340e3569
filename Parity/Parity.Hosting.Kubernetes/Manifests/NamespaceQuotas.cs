using System.Globalization;
using k8s.Models;

namespace Parity.Hosting.Kubernetes;

/// <summary>
/// A ResourceQuota and a LimitRange per overlay, sized from what its workloads request and may use at their peak
/// (every Deployment at its autoscaler's maximum plus the one extra pod of a rolling update, every StatefulSet and
/// Job pod at once), plus the stated headroom. The LimitRange gives a container that declares nothing the
/// defaults of a project, and caps any container at the largest limit published.
/// </summary>
internal static class NamespaceQuotas
{
    public const string Name = "workloads";

    /// <summary>The default headroom over the peak, in percent.</summary>
    public const int DefaultHeadroomPercent = 50;

    /// <summary>What one workload runs at its peak: its pods, and each pod's effective requests and limits.</summary>
    public sealed record Workload(int PeakPods, V1PodSpec Pod, int Claims);

    public static IEnumerable<KubernetesDocument> For(IReadOnlyList<Workload> workloads, int headroomPercent)
    {
        decimal Total(Func<V1PodSpec, string, string, decimal> perPod, string kind, string resource) =>
            workloads.Sum(w => w.PeakPods * perPod(w.Pod, kind, resource)) * (100 + headroomPercent) / 100;

        yield return new($"{Name}-resourcequota.yaml", new V1ResourceQuota
        {
            ApiVersion = V1ResourceQuota.KubeApiVersion,
            Kind = V1ResourceQuota.KubeKind,
            Metadata = new V1ObjectMeta { Name = Name },
            Spec = new V1ResourceQuotaSpec
            {
                Hard = new Dictionary<string, ResourceQuantity>
                {
                    ["pods"] = new(Math.Ceiling(workloads.Sum(w => w.PeakPods) * (100 + headroomPercent) / 100m).ToString(CultureInfo.InvariantCulture)),
                    ["requests.cpu"] = Cpu(Total(Effective, "requests", "cpu")),
                    ["requests.memory"] = Memory(Total(Effective, "requests", "memory")),
                    ["limits.cpu"] = Cpu(Total(Effective, "limits", "cpu")),
                    ["limits.memory"] = Memory(Total(Effective, "limits", "memory")),
                    ["persistentvolumeclaims"] = new(workloads.Sum(w => w.Claims * w.PeakPods).ToString(CultureInfo.InvariantCulture)),
                },
            },
        });
        var containers = workloads.SelectMany(w => (w.Pod.InitContainers ?? []).Concat(w.Pod.Containers)).ToList();
        var defaults = ProjectObjects.DefaultResources();
        yield return new($"{Name}-limitrange.yaml", new V1LimitRange
        {
            ApiVersion = V1LimitRange.KubeApiVersion,
            Kind = V1LimitRange.KubeKind,
            Metadata = new V1ObjectMeta { Name = Name },
            Spec = new V1LimitRangeSpec
            {
                Limits =
                [
                    new V1LimitRangeItem
                    {
                        Type = "Container",
                        DefaultRequest = defaults.Requests,
                        DefaultProperty = defaults.Limits,
                        Max = new Dictionary<string, ResourceQuantity>
                        {
                            ["cpu"] = Cpu(containers.Max(c => Amount(c, "limits", "cpu"))),
                            ["memory"] = Memory(containers.Max(c => Amount(c, "limits", "memory"))),
                        },
                    },
                ],
            },
        });
    }

    /// <summary>What the scheduler and the quota count for a pod: its containers together, or its largest init container if more.</summary>
    private static decimal Effective(V1PodSpec pod, string kind, string resource) =>
        Math.Max(pod.Containers.Sum(c => Amount(c, kind, resource)), (pod.InitContainers ?? []).Select(c => Amount(c, kind, resource)).DefaultIfEmpty(0).Max());

    private static decimal Amount(V1Container container, string kind, string resource)
    {
        var amounts = kind == "requests" ? container.Resources?.Requests : container.Resources?.Limits;
        return amounts?.TryGetValue(resource, out var quantity) == true ? quantity.ToDecimal() : 0;
    }

    private static ResourceQuantity Cpu(decimal cores) => new($"{Math.Ceiling(cores * 1000).ToString(CultureInfo.InvariantCulture)}m");

    private static ResourceQuantity Memory(decimal bytes) => new($"{Math.Ceiling(bytes / (1024 * 1024)).ToString(CultureInfo.InvariantCulture)}Mi");
}
