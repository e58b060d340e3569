namespace Parity.Hosting.ApplicationModel;

/// <summary>A volume or bind mount of a container, declared with <c>WithVolume</c> or <c>WithBindMount</c>.</summary>
/// <param name="Source">
/// The volume's name (null for an anonymous volume, which lives as long as the container), or the bind mount's
/// absolute path on this machine.
/// </param>
public sealed record ContainerMountAnnotation(string? Source, string Target, ContainerMountType Type, bool IsReadOnly) : IResourceAnnotation;
