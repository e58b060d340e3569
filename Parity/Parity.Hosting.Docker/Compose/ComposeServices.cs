using Parity.Hosting.ApplicationModel;
using Parity.Hosting.Publishing;

namespace Parity.Hosting.Docker;

/// <summary>
/// A resource as a Compose service: a project as its image (named as for the cluster), an app published from a
/// Dockerfile as a build of it, a container as its image. Environment and arguments are its launch description,
/// rendered for Compose; ports are published for external endpoints only; data lives in named volumes.
/// </summary>
internal static class ComposeServices
{
    /// <summary>The resource's service, or null for a resource that is no process (a parameter, a database of a server).</summary>
    public static ComposeService? For(IResource resource, LaunchDescription launch, ComposeContext context) => resource switch
    {
        ProjectResource project => Service(project, launch, context, PublishedImages.ReferenceOf(project)),
        _ when resource.TryGetLastAnnotation<DockerfileBuildAnnotation>(out var dockerfile) =>
            Service(resource, launch, context, PublishedImages.ReferenceOf(resource), Build(dockerfile, context.Directory)),
        DashboardResource or ContainerResource when resource.AnnotationsOf<ContainerImageAnnotation>().LastOrDefault() is { } image =>
            Service(resource, launch, context, image.Reference, entrypoint: image.Entrypoint),
        _ when resource.IsValueOnly() || resource is IResourceWithParent => null,
        _ => throw new DistributedApplicationException($"Resource '{resource.Name}' ({resource.GetType().Name}) has no Docker Compose form."),
    };

    private static ComposeService Service(
        IResource resource, LaunchDescription launch, ComposeContext context, string image, ComposeBuild? build = null, string? entrypoint = null)
    {
        var environment = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, value) in launch.Environment)
        {
            environment[name] = ComposeExpressionRenderer.Interpolated(value.Render(context.Renderer));
        }
        var args = launch.Args.Select(a => ComposeExpressionRenderer.Interpolated(a.Render(context.Renderer))).ToList();
        var replicas = Math.Max(resource.ReplicaCount(), resource.TryGetLastAnnotation<AutoscalingAnnotation>(out var autoscaling) ? autoscaling.MinReplicas : 1);
        return new ComposeService
        {
            Image = image,
            PullPolicy = ContainerImagePullPolicyAnnotation.RuntimeValueOf(resource),
            Build = build,
            Entrypoint = entrypoint is null ? null : [entrypoint],
            Command = args.Count > 0 ? args : null,
            Environment = environment.Count > 0 ? environment : null,
            Ports = Ports(resource) is { Count: > 0 } ports ? ports : null,
            Volumes = context.Volumes(resource) is { Count: > 0 } volumes ? volumes : null,
            Networks = [context.Network],
            DependsOn = DependsOn(resource, context) is { Count: > 0 } dependencies ? dependencies : null,
            Healthcheck = context.Healthcheck(resource),
            Restart = launch.RunsOnce ? "no" : "unless-stopped",
            Deploy = replicas > 1 ? new ComposeDeploy(replicas) : null,
        };
    }

    /// <summary>
    /// The external endpoints, on the host at their declared port (else the container's). The dashboard's frontend too,
    /// on this machine's loopback only: it is how one reaches it, as <c>kubectl port-forward</c> is in the cluster.
    /// </summary>
    private static List<string> Ports(IResource resource) =>
    [
        .. resource.Endpoints().Where(e => e.IsExternal).Select(e =>
        {
            var port = PublishedPorts.ContainerPortOf(resource, e);
            return $"{e.Port ?? port}:{port}";
        }),
        .. resource is DashboardResource
            ? resource.Endpoints().Where(e => e.Name == DashboardResource.FrontendEndpoint && !e.IsExternal)
                .Select(e => $"127.0.0.1:{PublishedPorts.ContainerPortOf(resource, e)}:{PublishedPorts.ContainerPortOf(resource, e)}")
            : [],
    ];

    /// <summary>
    /// WaitFor: until the target is healthy (started, when it has no health check); WaitForCompletion: until it exited 0.
    /// A database waits as its server does, since the server is the service.
    /// </summary>
    private static OrderedDictionary<string, ComposeDependency> DependsOn(IResource resource, ComposeContext context)
    {
        var dependencies = new OrderedDictionary<string, ComposeDependency>(StringComparer.Ordinal);
        foreach (var wait in resource.AnnotationsOf<WaitAnnotation>())
        {
            var target = wait.Resource;
            while (target is IResourceWithParent child)
            {
                target = child.Parent;
            }
            if (!context.IsService(target))
            {
                continue;
            }
            var condition = wait.WaitType == WaitType.WaitUntilCompleted ? "service_completed_successfully"
                : context.Healthcheck(target) is not null ? "service_healthy"
                : "service_started";
            dependencies[target.Name] = new ComposeDependency(condition);
        }
        return dependencies;
    }

    private static ComposeBuild Build(DockerfileBuildAnnotation dockerfile, string composeDirectory) => new(
        Path.GetRelativePath(composeDirectory, dockerfile.ContextPath).Replace('\\', '/'),
        Path.GetRelativePath(dockerfile.ContextPath, dockerfile.DockerfilePath).Replace('\\', '/'));
}
