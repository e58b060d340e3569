using Parity.Hosting.ApplicationModel;

namespace Parity.Hosting.Orchestration;

/// <summary>
/// Turns a resource of the model into what runs it locally: one supervisor, or a replica set of them behind a
/// proxy; each with its process spec rendered for the local target, its health probe and its restart policy.
/// </summary>
internal sealed class ResourceRunnerFactory(
    DistributedApplicationModel model,
    EndpointAllocation endpoints,
    LocalExpressionRenderer renderer,
    DataDirectories data,
    RunServices run,
    CancellationToken stopping)
{
    public List<ReplicaProxy> Proxies { get; } = [];

    /// <summary>Where every resource sends its telemetry: the dashboard's OTLP/gRPC endpoint, when there is a dashboard.</summary>
    private readonly OtlpExporterSettings? _otlp = model.Dashboard is var (dashboard, keys)
        ? OtlpExporterSettings.ForDashboard(endpoints.PortOf(dashboard.Name, DashboardAnnotation.OtlpGrpcEndpoint), keys.OtlpApiKey)
        : null;

    public IResourceRunner Create(IResource resource)
    {
        var launchContext = new Lazy<NativeLaunchContext>(() => CreateLaunchContext(resource));
        var children = model.Resources.Where(r => r is IResourceWithParent child && ReferenceEquals(child.Parent, resource)).ToList();
        void Publish(ResourceSnapshot snapshot)
        {
            run.Notifications.Publish(snapshot);
            foreach (var child in children) // a server's databases have no process: they share its state
            {
                run.Notifications.Publish(snapshot with { Name = child.Name, Kind = ResourceSupervisor.KindOf(child), Urls = [], Replicas = [], Environment = [] });
            }
        }

        if (resource.ReplicaCount() == 1)
        {
            return CreateSupervisor(resource, replica: null, launchContext, Publish);
        }

        var replicas = new ReplicaSet(resource, [.. endpoints.UrlsOf(resource)], Publish);
        for (var index = 0; index < resource.ReplicaCount(); index++)
        {
            var replica = index;
            replicas.Supervisors.Add(CreateSupervisor(resource, replica, launchContext, snapshot => replicas.Update(replica, snapshot)));
        }
        foreach (var endpoint in resource.Endpoints())
        {
            Proxies.Add(new ReplicaProxy(endpoints.PortOf(resource.Name, endpoint.Name),
                () => [.. replicas.ReadyReplicas().Select(i => endpoints.ReplicaPortOf(resource.Name, endpoint.Name, i))]));
        }
        return replicas;
    }

    private ResourceSupervisor CreateSupervisor(IResource resource, int? replica, Lazy<NativeLaunchContext> launchContext, Action<ResourceSnapshot> publish)
    {
        var instanceId = $"{resource.Name}-{Guid.NewGuid().ToString("N")[..8]}";
        var launcher = resource.AnnotationsOf<INativeLauncher>().LastOrDefault();
        var replicaRenderer = renderer.ForReplica(resource, replica);

        async Task<(ProcessSpec, IReadOnlyList<EnvironmentVariableSnapshot>)> CreateSpec()
        {
            var expressions = ResourceEnvironment.Build(resource, new EnvironmentContext(EnvironmentTarget.Local, instanceId, _otlp));
            var env = expressions.ToDictionary(e => e.Key, e => e.Value.Render(replicaRenderer));
            // Masked by where each value comes from, never by its name.
            IReadOnlyList<EnvironmentVariableSnapshot> shown =
                [.. expressions.OrderBy(e => e.Key, StringComparer.Ordinal)
                    .Select(e => new EnvironmentVariableSnapshot(e.Key, e.Value.IsSecret ? null : env[e.Key], e.Value.IsSecret))];
            var args = resource.AnnotationsOf<CommandLineArgsAnnotation>().SelectMany(a => a.Args).Select(a => a.Render(replicaRenderer));
            var spec = resource switch
            {
                _ when launcher is not null => await launcher.PrepareAsync(launchContext.Value, stopping),
                ProjectResource project => new ProcessSpec(
                    "dotnet", [await ProjectOutputResolver.ResolveAsync(project), .. args], Path.GetDirectoryName(project.Metadata.ProjectPath)!, env),
                ExecutableResource executable => new ProcessSpec(
                    ExecutableLocator.Find(executable.Command, executable.WorkingDirectory) ?? executable.Command, [.. args], executable.WorkingDirectory, env),
                _ => throw new InvalidOperationException($"'{resource.Name}' is not a process."),
            };
            return (spec, shown);
        }

        return new ResourceSupervisor(
            resource, CreateSpec, RestartPolicyOf(resource), [.. endpoints.UrlsOf(resource, replica)],
            HealthProbe(resource, replica, launcher, launchContext), run, publish, replica);
    }

    private NativeLaunchContext CreateLaunchContext(IResource resource)
    {
        var runAsUser = Environment.UserName == "root" && resource.TryGetLastAnnotation<RunAsUserAnnotation>(out var runAs) ? runAs.User : null;
        var (dataPath, persistent) = data.Prepare(resource, runAsUser);
        if (persistent)
        {
            DataDirectories.CheckCredentials(resource, dataPath, renderer);
        }
        return new NativeLaunchContext(resource, dataPath, persistent, runAsUser, renderer, PortAllocator.Allocate);
    }

    /// <summary>A launcher's own readiness check, else the declared HTTP health check (on the replica itself), else none.</summary>
    private Func<CancellationToken, Task<bool>>? HealthProbe(IResource resource, int? replica, INativeLauncher? launcher, Lazy<NativeLaunchContext> context)
    {
        if (launcher is not null)
        {
            return token => launcher.IsReadyAsync(context.Value, token);
        }
        if (resource.AnnotationsOf<HttpHealthCheckAnnotation>().LastOrDefault() is not { } check)
        {
            return null;
        }
        var url = new Uri(new Uri($"http://localhost:{endpoints.ReplicaPortOf(resource.Name, check.EndpointName, replica)}"), check.Path);
        return token => RunServices.ProbeHttpAsync(url, check.StatusCode, token);
    }

    /// <summary>A resource that another waits on with WaitForCompletion is run-once; anything else restarts after a crash.</summary>
    private RestartPolicy RestartPolicyOf(IResource resource)
    {
        if (resource.TryGetLastAnnotation<RestartPolicyAnnotation>(out var declared))
        {
            return declared.Policy;
        }
        var awaitedToComplete = model.Resources.SelectMany(r => r.AnnotationsOf<WaitAnnotation>())
            .Any(w => w.WaitType == WaitType.WaitUntilCompleted && ReferenceEquals(w.Resource, resource));
        return awaitedToComplete ? RestartPolicy.Never : RestartPolicy.OnFailure;
    }
}
