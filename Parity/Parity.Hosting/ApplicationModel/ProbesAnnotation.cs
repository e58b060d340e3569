namespace Parity.Hosting.ApplicationModel;

/// <summary>The HTTP paths the cluster probes a project on (ServiceDefaults' /alive and /health unless set).</summary>
public sealed record ProbesAnnotation(string LivenessPath, string ReadinessPath) : IResourceAnnotation;
