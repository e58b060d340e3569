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
    private EndpointAllocation? _endpoints;
    private RunStateFile? _runFile;
    private bool _started;

    public void Validate() => ModelValidator.Validate(model, forRun: true, options.RandomizePorts);

    public Task StartAsync(CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        Validate();
        _started = true;
        _endpoints = EndpointAllocation.Allocate(model, options.RandomizePorts);
        var renderer = new LocalExpressionRenderer(_endpoints);
        var run = new RunServices(notifications, logs, options);
        foreach (var parameter in model.Resources.Where(r => r.IsValueOnly()))
        {
            notifications.Publish(new ResourceSnapshot(parameter.Name, ResourceSupervisor.KindOf(parameter), ResourceState.Running, HasHealthCheck: false));
        }
        foreach (var resource in model.Resources.Where(r => r is ProjectResource or ExecutableResource))
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
    }

    internal ResourceSupervisor Supervisor(string name) =>
        _supervisors.TryGetValue(name, out var supervisor)
            ? supervisor
            : throw new ArgumentException($"No running resource is named '{name}'.", nameof(name));

    private ResourceSupervisor CreateSupervisor(IResource resource, LocalExpressionRenderer renderer, RunServices run)
    {
        var instanceId = $"{resource.Name}-{Guid.NewGuid().ToString("N")[..8]}";
        var healthCheck = resource.AnnotationsOf<HttpHealthCheckAnnotation>().LastOrDefault();
        var healthUrl = healthCheck is null ? null
            : new Uri(new Uri($"http://localhost:{_endpoints!.PortOf(resource.Name, healthCheck.EndpointName)}"), healthCheck.Path);

        async Task<ProcessSpec> CreateSpec()
        {
            var env = ResourceEnvironment.Build(resource, new EnvironmentContext(EnvironmentTarget.Local, instanceId))
                .ToDictionary(e => e.Key, e => e.Value.Render(renderer));
            var args = resource.AnnotationsOf<CommandLineArgsAnnotation>().SelectMany(a => a.Args).Select(a => a.Render(renderer));
            return resource switch
            {
                ProjectResource project => new ProcessSpec(
                    "dotnet", [await ProjectOutputResolver.ResolveAsync(project), .. args], Path.GetDirectoryName(project.Metadata.ProjectPath)!, env),
                ExecutableResource executable => new ProcessSpec(
                    ExecutableLocator.Find(executable.Command, executable.WorkingDirectory) ?? executable.Command, [.. args], executable.WorkingDirectory, env),
                _ => throw new InvalidOperationException($"'{resource.Name}' is not a process."),
            };
        }

        return new ResourceSupervisor(resource, CreateSpec, RestartPolicyOf(resource), [.. _endpoints!.UrlsOf(resource)], healthUrl, healthCheck?.StatusCode ?? 200, run);
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
