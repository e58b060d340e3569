using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Parity.Hosting.ApplicationModel;
using Parity.Hosting.Eventing;
using Parity.Hosting.ResourceService;

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
    ResourceLoggerService logs,
    ResourceServiceAddress resourceService,
    AppHostLifecycle lifecycle,
    DistributedApplicationExecutionContext executionContext,
    IServiceProvider services) : IHostedService
{
    private readonly CancellationTokenSource _stopping = new();
    private readonly Dictionary<string, IResourceRunner> _runners = new(StringComparer.OrdinalIgnoreCase);
    private readonly List<Task> _background = [];
    private readonly DataDirectories _data = new(settings);
    private EndpointAllocation? _endpoints;
    private LocalExpressionRenderer? _renderer;
    private List<ReplicaProxy> _proxies = [];
    private RunStateFile? _runFile;
    private bool _started;

    private ContainerRuntimeChoice? _containerRuntime;

    /// <summary>Docker or podman, looked for once, and only when some container has no native launcher.</summary>
    private ContainerRuntimeChoice? ContainerRuntimeChoice => ModelValidator.NeedsContainerRuntime(model)
        ? _containerRuntime ??= ContainerRuntime.Choose(options.ContainerRuntime)
        : null;

    public void Validate() => Validate(PersistentRecords().Where(IsAdoptable).ToList());

    /// <param name="adoptable">Persistent processes of earlier runs this run adopts: the ports they hold are not another program's.</param>
    private void Validate(IReadOnlyList<PersistentRecord> adoptable) =>
        ModelValidator.Validate(model, forRun: true, options.RandomizePorts, ContainerRuntimeChoice, [.. adoptable.SelectMany(r => r.Ports.Values)],
            [.. services.GetService<IOptions<HealthCheckServiceOptions>>()?.Value.Registrations.Select(r => r.Name) ?? []]);

    /// <summary>Whether the engine runs the resource as a process of its own (else it is a value, or part of its parent).</summary>
    public static bool RunsProcess(IResource resource) =>
        resource is ProjectResource or ExecutableResource or ContainerResource || resource.AnnotationsOf<INativeLauncher>().Any();

    private IReadOnlyList<PersistentRecord> PersistentRecords() => options.KeepPersistentResources ? PersistentRecord.ReadAll(settings.StateDirectory) : [];

    private bool DeclaresPersistent(PersistentRecord record) => model.Find(record.Resource)?.HasPersistentLifetime() == true;

    /// <summary>A live process of an earlier run that this model still declares persistent: it keeps its ports.</summary>
    private bool IsAdoptable(PersistentRecord record) => record.IsAlive && DeclaresPersistent(record);

    /// <summary>
    /// The processes earlier runs left persistent that this run may adopt; those this model no longer declares persistent
    /// (or no longer has) are stopped, their own data removed.
    /// </summary>
    private async Task<IReadOnlyList<PersistentRecord>> SettlePersistentRecordsAsync()
    {
        var records = PersistentRecords();
        foreach (var record in records.Where(r => !DeclaresPersistent(r)))
        {
            Console.Out.WriteLine($"Stopping '{record.Resource}' (pid {record.Process.Pid}), left by an earlier run: it is no longer declared persistent.");
            await record.StopAsync(settings.StateDirectory, options.StopGracePeriod);
        }
        return [.. records.Where(IsAdoptable)];
    }

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        var run = new RunServices(notifications, logs, options, lifecycle, services.GetService<HealthCheckService>())
        {
            ReadyToRun = ReadyToRunCache.Create(options, settings.StateDirectory, logs),
        };
        StateFolder.Secure(settings.StateDirectory, _data.WaysThrough(model.Resources, run.OutlivesRun));
        await lifecycle.BeforeStartAsync(cancellationToken);
        var adoptable = await SettlePersistentRecordsAsync();
        Validate(adoptable);
        _started = true;
        _endpoints = EndpointAllocation.Allocate(model, options.RandomizePorts, adoptable);
        var renderer = _renderer = new LocalExpressionRenderer(_endpoints);
        _background.Add(lifecycle.PublishResourceEventsAsync(notifications, _stopping.Token));
        foreach (var parameter in model.Resources.Where(r => r.IsValueOnly()))
        {
            notifications.Publish(new ResourceSnapshot(parameter.Name, ResourceKinds.Of(parameter), ResourceState.Running, HasHealthCheck: false,
                Description: (parameter as ParameterResource)?.Description));
        }
        var urls = new Dictionary<IResource, IReadOnlyList<ResourceUrlSnapshot>>();
        foreach (var resource in model.Resources.Where(r => !r.IsValueOnly()))
        {
            var logger = new ResourceConsoleLogger(logs, resource.Name);
            urls[resource] = await ResourceUrls.ForAsync(resource, _endpoints, renderer, executionContext, logger, cancellationToken);
        }
        var runners = new ResourceRunnerFactory(
            model, _endpoints, renderer, _data, run, urls, ContainerRuntimeChoice?.Runtime, settings.StateDirectory, _stopping.Token);
        foreach (var resource in model.Resources.Where(RunsProcess))
        {
            _runners[resource.Name] = runners.Create(resource);
        }
        _proxies = runners.Proxies;
        _proxies.ForEach(p => p.Start());
        foreach (var runner in _runners.Values)
        {
            runner.PublishInitialState();
        }

        var dashboard = DashboardLinkOf(_endpoints);
        if (dashboard is not null)
        {
            Console.Out.WriteLine($"Dashboard: {dashboard.LoginUrl}");
        }
        _runFile = new RunStateFile(settings.RunFile, notifications, _runners.Keys, dashboard, ResourceServiceLinkOf(resourceService));
        if (options.PrintResourceOutput)
        {
            _background.Add(ConsoleReporter.EchoAsync(logs, _stopping.Token));
            _background.Add(ConsoleReporter.PrintSummaryWhenUpAsync(notifications, [.. _runners.Keys], clock, _stopping.Token));
        }
        _background.Add(_runFile.KeepWrittenAsync(_stopping.Token));
        foreach (var runner in _runners.Values)
        {
            _background.Add(runner.LaunchAfterDependenciesAsync(_stopping.Token));
        }
        if (run.ReadyToRun is { } readyToRun)
        {
            _background.Add(readyToRun.CompileInBackgroundAsync(_stopping.Token));
        }
        if (options.Watch)
        {
            _background.Add(new ProjectWatcher(model, _runners, run, settings.StateDirectory).RunAsync(_stopping.Token));
        }
        await lifecycle.AfterResourcesCreatedAsync(cancellationToken);
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
        foreach (var round in graph.StopOrder(_runners.Values.Select(s => s.Resource)))
        {
            await Task.WhenAll(round.Select(r => _runners[r.Name].ShutdownAsync()));
        }
        await Task.WhenAll(_background).ContinueWith(_ => { }, TaskScheduler.Default);
        foreach (var proxy in _proxies)
        {
            await proxy.DisposeAsync();
        }
        _runFile?.Remove();
        _endpoints?.Release();
        _data.DeleteTemporary();
    }

    private DashboardLink? DashboardLinkOf(EndpointAllocation endpoints)
    {
        if (model.Dashboard is not { } dashboard)
        {
            return null;
        }
        var url = $"http://127.0.0.1:{endpoints.PortOf(dashboard.Name, DashboardResource.FrontendEndpoint)}";
        return new DashboardLink(url, $"{url}/login?t={RenderLocal(ReferenceExpression.Of(dashboard.BrowserToken))}");
    }

    /// <summary>Where the CLI reaches the resource service; null when it does not listen (an app built but not hosted).</summary>
    private static ResourceServiceLink? ResourceServiceLinkOf(ResourceServiceAddress address) =>
        address.Url is { } url ? new ResourceServiceLink(url, address.ApiKey.Value) : null;

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

    /// <summary>True when the resource runs a process the commands can stop and start (not a parameter, not a database).</summary>
    internal bool HasRunner(string name) => _runners.ContainsKey(name);

    internal IResourceRunner Runner(string name) =>
        _runners.TryGetValue(name, out var runner)
            ? runner
            : throw new ArgumentException($"No running resource is named '{name}'.", nameof(name));
}
