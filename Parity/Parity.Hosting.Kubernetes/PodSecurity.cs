using Parity.Hosting.ApplicationModel;

namespace Parity.Hosting.Kubernetes;

/// <summary>
/// How a resource's pods run in the cluster. Every workload is published locked down: not as root (the image's own
/// user), no privilege escalation, every capability dropped, the runtime's default seccomp profile, a read-only root
/// filesystem with an emptyDir for each path the image writes, and no service-account token unless a container asks
/// the API server something. <see cref="PodSecurityExtensions.WithPodSecurity"/> adjusts it per resource.
/// </summary>
public sealed class PodSecurity
{
    /// <summary>The user the .NET SDK's container images run as (<c>app</c>).</summary>
    public const long DotnetAppUser = 1654;

    /// <summary>The user every container runs as; null leaves it to the image, which must then not be root.</summary>
    public long? RunAsUser { get; set; }

    /// <summary>The group the containers run as, and that owns the pod's volumes (fsGroup).</summary>
    public long? RunAsGroup { get; set; }

    public bool ReadOnlyRootFilesystem { get; set; } = true;

    /// <summary>Paths the image writes outside its volumes: each gets an emptyDir while the root filesystem is read-only.</summary>
    public IList<string> WritablePaths { get; } = [];

    /// <summary>Linux capabilities added back after dropping all (for instance <c>NET_BIND_SERVICE</c>).</summary>
    public IList<string> AddedCapabilities { get; } = [];

    /// <summary>The defaults for a resource: the image's own user and the paths it writes, where they are known.</summary>
    public static PodSecurity DefaultFor(IResource resource)
    {
        var security = new PodSecurity();
        (long? User, string[] Writable) image = resource switch
        {
            ContainerResource container when container.AnnotationsOf<ToolImageAnnotation>().Any() => (DotnetAppUser, ["/tmp"]),
            ContainerResource container => OfficialImage(container.AnnotationsOf<ContainerImageAnnotation>().LastOrDefault()?.Image),
            DashboardResource or ProjectResource => (DotnetAppUser, ["/tmp"]),
            _ => (null, ["/tmp"]), // a Dockerfile's image runs as its USER
        };
        var (user, writable) = image;
        security.RunAsUser = user;
        security.RunAsGroup = user;
        foreach (var path in writable)
        {
            security.WritablePaths.Add(path);
        }
        return security;
    }

    /// <summary>The users of the official images of the backing services, and where each writes besides its data volume.</summary>
    private static (long? User, string[] Writable) OfficialImage(string? image) => image?.Split('/')[^1] switch
    {
        "postgres" => (999, ["/var/run/postgresql", "/tmp"]),
        "redis" => (999, ["/data", "/tmp"]),
        "rabbitmq" => (999, ["/var/lib/rabbitmq", "/tmp"]),
        "minio" => (1000, ["/data", "/tmp"]),
        _ => (null, ["/tmp"]),
    };
}

/// <summary>Adjusts the pod security a resource is published with; the callback gets the defaults.</summary>
public sealed class PodSecurityAnnotation(Action<PodSecurity> configure) : IResourceAnnotation
{
    public Action<PodSecurity> Configure { get; } = configure;
}

public static class PodSecurityExtensions
{
    /// <summary>Adjusts how the resource's pods run in the cluster, starting from the defaults (see <see cref="PodSecurity"/>).</summary>
    public static IResourceBuilder<T> WithPodSecurity<T>(this IResourceBuilder<T> builder, Action<PodSecurity> configure)
        where T : IResource =>
        builder.WithAnnotation(new PodSecurityAnnotation(configure));

    /// <summary>The defaults with every adjustment declared on the resource applied.</summary>
    internal static PodSecurity PodSecurityOf(this IResource resource)
    {
        var security = PodSecurity.DefaultFor(resource);
        foreach (var annotation in resource.AnnotationsOf<PodSecurityAnnotation>())
        {
            annotation.Configure(security);
        }
        return security;
    }
}
