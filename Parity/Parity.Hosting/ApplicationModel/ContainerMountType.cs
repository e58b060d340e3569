namespace Parity.Hosting.ApplicationModel;

public enum ContainerMountType
{
    /// <summary>A file or folder of this machine, mounted into the container.</summary>
    BindMount,

    /// <summary>A volume the container runtime (or the cluster) keeps.</summary>
    Volume,
}
