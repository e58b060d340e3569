using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Diagnostics.HealthChecks;
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
    IReadOnlyDictionary<IResource, IReadOnlyList<ResourceUrlSnapshot>> urls,
    ContainerRuntime? containerRuntime,
    string stateDirectory,
    CancellationToken stopping)
{
    public List<ReplicaProxy> Proxies { get; } = [];

    /// <summary>Where every resource sends its telemetry: the dashboard's OTLP/gRPC endpoint, when there is a dashboard.</summary>
    private readonly OtlpExporterSettings? _otlp = model.Dashboard?.OtlpExporter;

    public IResourceRunner Create(IResource resource)
    {
        var launchContext = new Lazy<NativeLaunchContext>(() => CreateLaunchContext(resource));
        var children = model.Resources.Where(r => r is IResourceWithParent child && ReferenceEquals(child.Parent, resource)).ToList();
        void Publish(ResourceSnapshot snapshot)
        {
            run.Notifications.Publish(snapshot);
            foreach (var child in children) // a server's databases have no process: they share its state
            {
                run.Notifications.Publish(snapshot with
                {
                    Name = child.Name,
                    Kind = ResourceKinds.Of(child),
                    UrlDetails = UrlsOf(child),
                    Replicas = [],
                    Environment = [],
                    Parent = child.DisplayParent()?.Name,
                });
            }
        }

        if (!EndpointAllocation.RunsBehindProxy(resource))
        {
            return CreateSupervisor(resource, replica: null, endpoints.ProcessPorts(resource, 0, fresh: false), launchContext, Publish);
        }

        // A replica is named in logs only when there are several.
        int? Shown(int slot) => resource.ReplicaCount() > 1 ? slot : null;
        var replicas = new ReplicaSet(resource, UrlsOf(resource), Publish, run.Logs, (slot, fresh, publish) =>
            CreateSupervisor(resource, Shown(slot), endpoints.ProcessPorts(resource, slot, fresh), launchContext, publish)).CreateReplicas();
        foreach (var endpoint in resource.Endpoints())
        {
            Proxies.Add(new ReplicaProxy(endpoints.PortOf(resource.Name, endpoint.Name), () => replicas.ReadyPorts(endpoint.Name)));
        }
        return replicas;
    }

    private ResourceSupervisor CreateSupervisor(
        IResource resource, int? replica, IReadOnlyDictionary<string, int> ports, Lazy<NativeLaunchContext> launchContext, Action<ResourceSnapshot> publish)
    {
        var persistent = run.OutlivesRun(resource);
        // A persistent process keeps its instance id: it is part of its configuration, which decides whether it is adopted.
        var instanceId = persistent ? resource.Name : $"{resource.Name}-{Guid.NewGuid().ToString("N")[..8]}";
        var launcher = resource.AnnotationsOf<INativeLauncher>().LastOrDefault();
        var replicaRenderer = renderer.ForProcess(resource, ports);

        PreparedLaunch Prepare()
        {
            var launch = LaunchDescription.Of(resource, model, new EnvironmentContext(EnvironmentTarget.Local, instanceId, _otlp));
            var env = launch.Environment.ToDictionary(e => e.Key, e => e.Value.Render(replicaRenderer));
            List<string> args = [.. launch.Args.Select(a => a.Render(replicaRenderer))];
            async Task<(ProcessSpec, IReadOnlyList<EnvironmentVariableSnapshot>)> CreateSpecAsync()
            {
                var spec = resource switch
                {
                    _ when launcher is not null => (await launcher.PrepareAsync(launchContext.Value.WithEnvironment(env), stopping)) with { PrivateFiles = true },
                    ProjectResource project => new ProcessSpec(
                        "dotnet", [await run.Outputs.ResolveAsync(project), .. args], Path.GetDirectoryName(project.Metadata.ProjectPath)!, env),
                    ContainerResource container => await ContainerSpecAsync(container, replica, env, args),
                    ExecutableResource executable => new ProcessSpec(
                        ExecutableLocator.Find(executable.Command, executable.WorkingDirectory) ?? executable.Command, [.. args], executable.WorkingDirectory, env),
                    _ => throw new InvalidOperationException($"'{resource.Name}' is not a process."),
                };
                // A persistent process may outlive the compiled copy (removed when a later run starts), so it runs its build.
                spec = persistent ? spec : run.ReadyToRun?.Apply(spec, resource.Name) ?? spec;
                return (spec, Shown(launch, spec.Environment));
            }
            return new PreparedLaunch(new Lazy<string>(() => ConfigurationHash(resource, launcher, env, args, ports)), Shown(launch, env), CreateSpecAsync);
        }

        IProcessLaunch launch = persistent
            ? new PersistentLaunch(resource, Prepare, ports,
                () => launcher is not null && !resource.AnnotationsOf<VolumeAnnotation>().Any() ? launchContext.Value.DataDirectory : null,
                stateDirectory, run.Options.StopGracePeriod)
            : new SessionLaunch(resource, Prepare);
        return new ResourceSupervisor(
            resource, launch, RestartPolicyOf(resource), UrlsOf(resource), ports,
            WithKeyedHealthChecks(resource, HealthProbe(resource, ports, launcher, launchContext)), run, publish, replica,
            RunOnceCompletion.For(resource, model, run.Outputs, run.OutlivesRun, stateDirectory));
    }

    /// <summary>
    /// What a persistent process was started with, as one hash: its kind and program, its arguments, environment and
    /// ports as rendered for this machine, its data volume. Equal hashes mean the running process can be adopted.
    /// </summary>
    private string ConfigurationHash(
        IResource resource, INativeLauncher? launcher, IReadOnlyDictionary<string, string> env, IReadOnlyList<string> args, IReadOnlyDictionary<string, int> ports)
    {
        var text = new StringBuilder()
            .AppendLine(resource.GetType().FullName)
            .AppendLine(launcher?.GetType().FullName)
            .AppendLine(resource switch
            {
                ContainerResource container when launcher is null && containerRuntime is not null => string.Join(' ',
                    ContainerCommandLine.For(container, containerRuntime, container.Name, env, args, stateDirectory, run.Options.StopGracePeriod).Args),
                ExecutableResource executable => $"{executable.Command} in {executable.WorkingDirectory}",
                _ => "",
            });
        foreach (var arg in args)
        {
            text.Append("arg ").AppendLine(arg);
        }
        foreach (var (key, value) in env.OrderBy(e => e.Key, StringComparer.Ordinal))
        {
            text.Append("env ").Append(key).Append('=').AppendLine(value);
        }
        foreach (var (endpoint, port) in ports.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            text.Append("port ").Append(endpoint).Append('=').AppendLine(port.ToString(CultureInfo.InvariantCulture));
        }
        foreach (var volume in resource.AnnotationsOf<VolumeAnnotation>())
        {
            text.Append("volume ").AppendLine(volume.ToString());
        }
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }

    /// <summary>A container without a native launcher: docker or podman runs it, under a name a killed run may have left taken.</summary>
    private async Task<ProcessSpec> ContainerSpecAsync(ContainerResource container, int? replica, Dictionary<string, string> env, IEnumerable<string> args)
    {
        var runtime = containerRuntime ?? throw new DistributedApplicationException($"'{container.Name}' needs docker or podman, and neither was found.");
        var name = ContainerCommandLine.ContainerName(container, stateDirectory, replica);
        var workingDirectory = Path.GetDirectoryName(stateDirectory) ?? stateDirectory;
        await ProcessStarter.RunToExitAsync(ContainerCommandLine.RemoveLeftover(runtime, name, workingDirectory), (_, _) => { }, TimeSpan.FromSeconds(30));
        return ContainerCommandLine.For(container, runtime, name, env, args, workingDirectory, run.Options.StopGracePeriod);
    }

    private IReadOnlyList<ResourceUrlSnapshot> UrlsOf(IResource resource) => urls.GetValueOrDefault(resource) ?? [];

    private NativeLaunchContext CreateLaunchContext(IResource resource)
    {
        var runAsUser = DataDirectories.RunAsUserOf(resource);
        var (dataPath, persistent) = data.Prepare(resource, runAsUser, run.OutlivesRun(resource));
        if (persistent)
        {
            DataDirectories.CheckCredentials(resource, dataPath, renderer);
        }
        return new NativeLaunchContext(resource, dataPath, persistent, runAsUser, renderer, PortAllocator.Allocate);
    }

    /// <summary>The probe, and the AppHost's health checks the resource names (WithHealthCheck): healthy when all are.</summary>
    private Func<CancellationToken, Task<bool>>? WithKeyedHealthChecks(IResource resource, Func<CancellationToken, Task<bool>>? probe)
    {
        var keys = resource.AnnotationsOf<HealthCheckAnnotation>().Select(a => a.Key).ToHashSet(StringComparer.Ordinal);
        if (keys.Count == 0 || run.HealthChecks is not { } checks)
        {
            return probe;
        }
        async Task<bool> KeyedAsync(CancellationToken token) =>
            (await checks.CheckHealthAsync(registration => keys.Contains(registration.Name), token)).Status == HealthStatus.Healthy;
        return probe is null ? KeyedAsync : async token => await probe(token) && await KeyedAsync(token);
    }

    /// <summary>A launcher's own readiness check, else the declared HTTP health check (on the replica itself), else none.</summary>
    private static Func<CancellationToken, Task<bool>>? HealthProbe(
        IResource resource, IReadOnlyDictionary<string, int> ports, INativeLauncher? launcher, Lazy<NativeLaunchContext> context)
    {
        if (launcher is not null)
        {
            return token => launcher.IsReadyAsync(context.Value, token);
        }
        // A readiness probe (WithHttpProbe) asks what a health check asks: may it take traffic?
        var check = resource.AnnotationsOf<HttpHealthCheckAnnotation>().LastOrDefault()
            ?? resource.AnnotationsOf<EndpointProbeAnnotation>().Where(p => p.Type == ProbeType.Readiness)
                .Select(p => new HttpHealthCheckAnnotation(p.EndpointReference.EndpointName, p.Path)).LastOrDefault();
        if (check is null)
        {
            return null;
        }
        var url = new Uri(new Uri($"http://localhost:{ports[check.EndpointName]}"), check.Path);
        var http2 = resource.Endpoints().Any(e => e.Name == check.EndpointName && Http2ServiceAnnotation.AppliesTo(resource, e));
        return token => RunServices.ProbeHttpAsync(url, check.StatusCode, http2, token);
    }

    /// <summary>
    /// The environment the process got, as the dashboard shows it: masked by where each value comes from, never by its
    /// name. A launcher's own additions (paths, ports of its companions) carry no secret: secrets come from the model.
    /// </summary>
    private static IReadOnlyList<EnvironmentVariableSnapshot> Shown(LaunchDescription launch, IReadOnlyDictionary<string, string> environment) =>
        [.. environment.OrderBy(e => e.Key, StringComparer.Ordinal).Select(e =>
            launch.Environment.GetValueOrDefault(e.Key)?.IsSecret == true
                ? new EnvironmentVariableSnapshot(e.Key, null, IsSecret: true)
                : new EnvironmentVariableSnapshot(e.Key, e.Value, IsSecret: false))];

    /// <summary>A run-once resource is never restarted; anything else restarts after a crash.</summary>
    private RestartPolicy RestartPolicyOf(IResource resource) =>
        LaunchDescription.IsRunOnce(resource, model) ? RestartPolicy.Never : RestartPolicy.OnFailure;
}
