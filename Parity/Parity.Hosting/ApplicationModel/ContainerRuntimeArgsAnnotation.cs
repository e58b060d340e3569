namespace Parity.Hosting.ApplicationModel;

/// <summary>Options for the container runtime's <c>run</c> command (<c>docker run ARGS image</c>), not for the container.</summary>
public sealed record ContainerRuntimeArgsAnnotation(IReadOnlyList<string> Args) : IResourceAnnotation;
