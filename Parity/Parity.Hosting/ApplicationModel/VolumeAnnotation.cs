namespace Parity.Hosting.ApplicationModel;

/// <summary>The resource's data persists: locally under the state folder, in the cluster on a PersistentVolumeClaim.</summary>
/// <param name="IsReadOnly">
/// Published as a read-only mount; a native server run locally still writes its data folder, so locally it is ignored.
/// </param>
public sealed record VolumeAnnotation(string Name, string ContainerPath, bool IsReadOnly = false) : IResourceAnnotation;
