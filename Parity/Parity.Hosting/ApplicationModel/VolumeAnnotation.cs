namespace Parity.Hosting.ApplicationModel;

/// <summary>The resource's data persists: locally under the state folder, in the cluster on a PersistentVolumeClaim.</summary>
public sealed record VolumeAnnotation(string Name, string ContainerPath) : IResourceAnnotation;
