namespace Parity.Hosting.Kubernetes;

/// <summary>One object and the file, relative to its kustomization, that holds it.</summary>
internal sealed record KubernetesDocument(string FileName, object Value);
