using Parity.Hosting.ApplicationModel;

namespace Parity.Hosting.Docker;

/// <summary>
/// What the services of one Compose file share: the renderer (which collects the secrets for <c>.env.example</c>), the
/// network, the named volumes, and the files mounted from beside the Compose file.
/// </summary>
internal sealed class ComposeContext(DistributedApplicationModel model, IReadOnlySet<IResource> services, string directory, string network)
{
    private readonly Dictionary<IResource, ComposeHealthcheck?> _healthchecks = [];

    public ComposeExpressionRenderer Renderer { get; } = new();

    /// <summary>The folder the Compose file is written to; relative paths in it start here.</summary>
    public string Directory { get; } = directory;

    public string Network { get; } = network;

    /// <summary>The named volumes the services mount.</summary>
    public SortedSet<string> NamedVolumes { get; } = new(StringComparer.Ordinal);

    /// <summary>Files to write beside the Compose file (relative path → content), which services mount read-only.</summary>
    public SortedDictionary<string, string> MountedFiles { get; } = new(StringComparer.Ordinal);

    public bool IsService(IResource resource) => services.Contains(resource);

    public ComposeHealthcheck? Healthcheck(IResource resource) =>
        _healthchecks.TryGetValue(resource, out var check) ? check
            : _healthchecks[resource] = ComposeHealthchecks.Of(resource, LaunchDescription.IsRunOnce(resource, model));

    /// <summary>
    /// The service's mounts: named volumes (data volumes and WithVolume's), anonymous volumes, and the files a backing
    /// service reads (Postgres's init scripts) from a folder beside the Compose file. Bind mounts are this machine's: left out.
    /// </summary>
    public List<string> Volumes(IResource resource)
    {
        var mounts = new List<string>();
        foreach (var volume in resource.AnnotationsOf<VolumeAnnotation>())
        {
            mounts.Add(Named(volume.Name, volume.ContainerPath, volume.IsReadOnly));
        }
        foreach (var mount in resource.AnnotationsOf<ContainerMountAnnotation>().Where(m => m.Type == ContainerMountType.Volume))
        {
            mounts.Add(mount.Source is null ? mount.Target : Named(mount.Source, mount.Target, mount.IsReadOnly));
        }
        foreach (var files in resource.AnnotationsOf<ContainerFilesAnnotation>())
        {
            var folder = $"{resource.Name}-{files.Name}";
            var contents = files.Files();
            foreach (var (name, content) in contents)
            {
                MountedFiles[$"{folder}/{name}"] = content;
            }
            if (contents.Count > 0)
            {
                mounts.Add($"./{folder}:{files.DestinationPath}:ro");
            }
        }
        return mounts;
    }

    private string Named(string name, string target, bool readOnly)
    {
        NamedVolumes.Add(name);
        return readOnly ? $"{name}:{target}:ro" : $"{name}:{target}";
    }
}
