namespace Parity.Hosting.ApplicationModel;

/// <summary>The image the cluster runs for a backing service, matching the major version run locally.</summary>
public sealed record ContainerImageAnnotation(string Image, string Tag, string? Registry = null) : IResourceAnnotation;
