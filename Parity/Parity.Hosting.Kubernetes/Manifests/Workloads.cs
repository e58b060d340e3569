using k8s.Models;

namespace Parity.Hosting.Kubernetes;

/// <summary>The objects that run pods.</summary>
internal static class Workloads
{
    /// <summary>The pod template of a Deployment, StatefulSet or Job; null for any other object.</summary>
    public static V1PodTemplateSpec? PodTemplateOf(object workload) => workload switch
    {
        V1Deployment deployment => deployment.Spec?.Template,
        V1StatefulSet statefulSet => statefulSet.Spec?.Template,
        V1Job job => job.Spec?.Template,
        _ => null,
    };
}
