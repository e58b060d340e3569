using System.Diagnostics;
using Microsoft.Extensions.Hosting;
using Parity.Hosting.ApplicationModel;

namespace Parity.Hosting.Orchestration;

/// <summary>
/// The local run: validates the model, allocates ports, starts every resource as soon as what it waits for is ready
/// (independent ones in parallel), and stops them in reverse dependency order. Knows no integration by name.
/// </summary>
internal sealed class Orchestrator(
    DistributedApplicationModel model,
    DistributedApplicationOptions options,
    OrchestratorSettings settings,
    ResourceNotificationService notifications,
    ResourceLoggerService logs) : IHostedService
{
    private readonly CancellationTokenSource _stopping = new();
    private readonly Dictionary<string, ResourceSupervisor> _supervisors = new(StringComparer.OrdinalIgnoreCase);
    private readonly List<Task> _background = [];
    private readonly DataDirectories _data = new(settings);
    private EndpointAllocation? _endpoints;
    private LocalExpressionRenderer? _renderer;
    private RunStateFile? _runFile;
    private bool _started;

    public void Validate() => ModelValidator.Validate(model, forRun: true, options.RandomizePorts);

    public Task StartAsync(CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        Validate();
        _started = true;
        _endpoints = EndpointAllocation.Allocate(model, options.RandomizePorts);
        var renderer = _renderer = new LocalExpressionRenderer(_endpoints);
        var run = new RunServices(notifications, logs, options);
        foreach (var parameter in model.Resources.Where(r => r.IsValueOnly()))
        {
            notifications.Publish(new ResourceSnapshot(parameter.Name, ResourceSupervisor.KindOf(parameter), ResourceState.Running, HasHealthCheck: false));
        }
        foreach (var resource in model.Resources.Where(r => r is ProjectResource or ExecutableResource || r.AnnotationsOf<INativeLauncher>().Any()))
        {
            _supervisors[resource.Name] = CreateSupervisor(resource, renderer, run);
        }
        foreach (var supervisor in _supervisors.Values)
        {
            supervisor.PublishInitialState();
        }

        _runFile = new RunStateFile(settings.RunFile, notifications, _supervisors.Keys);
        if (options.PrintResourceOutput)
        {
            _background.Add(ConsoleReporter.EchoAsync(logs, _stopping.Token));
            _background.Add(ConsoleReporter.PrintSummaryWhenUpAsync(notifications, [.. _supervisors.Keys], clock, _stopping.Token));
        }
        _background.Add(_runFile.KeepWrittenAsync(_stopping.Token));
        foreach (var supervisor in _supervisors.Values)
        {
            _background.Add(supervisor.LaunchAfterDependenciesAsync(_stopping.Token));
        }
        return Task.CompletedTask;
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (!_started)
        {
            return;
        }
        _started = false;
        await _stopping.CancelAsync();
        var graph = new DependencyGraph(model);
        foreach (var round in graph.StopOrder(_supervisors.Values.Select(s => s.Resource)))
        {
            await Task.WhenAll(round.Select(r => _supervisors[r.Name].StopAsync()));
        }
        await Task.WhenAll(_background).ContinueWith(_ => { }, TaskScheduler.Default);
        _runFile?.Remove();
        _endpoints?.Release();
        _data.DeleteTemporary();
    }

    /// <summary>A resource's connection string as its clients on this machine get it.</summary>
    internal string? ConnectionString(string name) =>
        model.Find(name) is IResourceWithConnectionString resource ? RenderLocal(resource.ConnectionStringExpression) : null;

    internal Uri EndpointUrl(string name, string? endpointName)
    {
        var resource = model.Find(name) as IResourceWithEndpoints
            ?? throw new ArgumentException($"No resource with endpoints is named '{name}'.", nameof(name));
        var endpoint = endpointName ?? resource.Endpoints().FirstOrDefault(e => e.IsHttp)?.Name ?? resource.Endpoints()[0].Name;
        return new Uri(RenderLocal(ReferenceExpression.Of(new EndpointReference(resource, endpoint))));
    }

    private string RenderLocal(ReferenceExpression expression) =>
        expression.Render(_renderer ?? throw new InvalidOperationException("The application has not been started."));

    internal ResourceSupervisor Supervisor(string name) =>
        _supervisors.TryGetValue(name, out var supervisor)
            ? supervisor
            : throw new ArgumentException($"No running resource is named '{name}'.", nameof(name));

    private ResourceSupervisor CreateSupervisor(IResource resource, LocalExpressionRenderer renderer, RunServices run)
    {
        var instanceId = $"{resource.Name}-{Guid.NewGuid().ToString("N")[..8]}";
        var launcher = resource.AnnotationsOf<INativeLauncher>().LastOrDefault();
        var runAsUser = Environment.UserName == "root" && resource.TryGetLastAnnotation<RunAsUserAnnotation>(out var runAs) ? runAs.User : null;
        var launchContext = new Lazy<NativeLaunchContext>(() =>
        {
            var (dataPath, persistent) = _data.Prepare(resource, runAsUser);
            if (persistent)
            {
                DataDirectories.CheckCredentials(resource, dataPath, renderer);
            }
            return new NativeLaunchContext(resource, dataPath, persistent, runAsUser, renderer);
        });

        async Task<ProcessSpec> CreateSpec()
        {
            var env = ResourceEnvironment.Build(resource, new EnvironmentContext(EnvironmentTarget.Local, instanceId))
                .ToDictionary(e => e.Key, e => e.Value.Render(renderer));
            var args = resource.AnnotationsOf<CommandLineArgsAnnotation>().SelectMany(a => a.Args).Select(a => a.Render(renderer));
            return resource switch
            {
                _ when launcher is not null => await launcher.PrepareAsync(launchContext.Value, _stopping.Token),
                ProjectResource project => new ProcessSpec(
                    "dotnet", [await ProjectOutputResolver.ResolveAsync(project), .. args], Path.GetDirectoryName(project.Metadata.ProjectPath)!, env),
                ExecutableResource executable => new ProcessSpec(
                    ExecutableLocator.Find(executable.Command, executable.WorkingDirectory) ?? executable.Command, [.. args], executable.WorkingDirectory, env),
                _ => throw new InvalidOperationException($"'{resource.Name}' is not a process."),
            };
        }

        var children = model.Resources.Where(r => r is IResourceWithParent child && ReferenceEquals(child.Parent, resource)).ToList();
        return new ResourceSupervisor(
            resource, CreateSpec, RestartPolicyOf(resource), [.. _endpoints!.UrlsOf(resource)], HealthProbe(resource, launcher, launchContext), run, children);
    }

    /// <summary>A launcher's own readiness check, else the declared HTTP health check, else none.</summary>
    private Func<CancellationToken, Task<bool>>? HealthProbe(IResource resource, INativeLauncher? launcher, Lazy<NativeLaunchContext> context)
    {
        if (launcher is not null)
        {
            return token => launcher.IsReadyAsync(context.Value, token);
        }
        if (resource.AnnotationsOf<HttpHealthCheckAnnotation>().LastOrDefault() is not { } check)
        {
            return null;
        }
        var url = new Uri(new Uri($"http://localhost:{_endpoints!.PortOf(resource.Name, check.EndpointName)}"), check.Path);
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
