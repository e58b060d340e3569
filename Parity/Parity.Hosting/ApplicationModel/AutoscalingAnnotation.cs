namespace Parity.Hosting.ApplicationModel;

/// <summary>In the cluster, a HorizontalPodAutoscaler keeps the replicas between these bounds by CPU use.</summary>
public sealed record AutoscalingAnnotation(int MinReplicas, int MaxReplicas, int TargetCpuPercent) : IResourceAnnotation;
