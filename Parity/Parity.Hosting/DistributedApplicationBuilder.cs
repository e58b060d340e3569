using System.Reflection;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Parity.Hosting.ApplicationModel;
using Parity.Hosting.Eventing;
using Parity.Hosting.Orchestration;
using Parity.Hosting.Publishing;
using Parity.Hosting.ResourceService;
using Parity.Hosting.Verbs;

namespace Parity.Hosting;

public sealed class DistributedApplicationBuilder : IDistributedApplicationBuilder, IGeneratedSecretsOwner
{
    private readonly HostApplicationBuilder _host;
    private readonly List<IResource> _resources = [];
    private readonly DistributedApplicationOptions _options;
    private readonly GeneratedSecrets _secrets;
    private readonly AppHostCommandLine _commandLine;

    public DistributedApplicationBuilder(DistributedApplicationOptions options)
    {
        var capture = AppHostCapture.Current;
        capture?.Configure(options);
        _options = options;
        var appHost = capture?.AppHostAssembly ?? Assembly.GetEntryAssembly();
        AppHostDirectory = capture?.AppHostDirectory ?? FindAppHostDirectory(appHost);
        _commandLine = new AppHostCommandLine(options.Args, AppHostExtensions.Of(appHost));
        _host = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            Args = [.. _commandLine.ConfigurationArgs],
            ContentRootPath = AppHostDirectory,
            EnvironmentName = Environments.Development,
        });
        _host.Logging.AddSimpleConsole(o => o.SingleLine = true);
        _host.Logging.AddFilter("Microsoft.Hosting", LogLevel.Warning);
        // Scripts and tests may move the state folder and randomize ports of an unmodified AppHost.
        options.StateDirectory ??= Configuration["Parity:StateDirectory"];
        options.RandomizePorts |= Configuration.GetValue<bool>("Parity:RandomizePorts");
        options.DisableDashboard |= Configuration.GetValue<bool>("Parity:DisableDashboard");
        options.Watch |= _commandLine.Watch || Configuration.GetValue<bool>("Parity:Watch");
        options.ReadyToRun &= Configuration.GetValue("Parity:ReadyToRun", true);
        options.ContainerRuntime ??= Configuration["Parity:ContainerRuntime"] ?? Configuration["ASPIRE_CONTAINER_RUNTIME"];
        StateDirectory = Path.GetFullPath(options.StateDirectory ?? Path.Combine(AppHostDirectory, ".parity"));
        _secrets = new GeneratedSecrets(Path.Combine(StateDirectory, "secrets.json"));
        ExecutionContext = new DistributedApplicationExecutionContext(_commandLine.Operation);
    }

    public ConfigurationManager Configuration => _host.Configuration;

    public IHostEnvironment Environment => _host.Environment;

    public IServiceCollection Services => _host.Services;

    public DistributedApplicationExecutionContext ExecutionContext { get; }

    public IDistributedApplicationEventing Eventing { get; } = new DistributedApplicationEventing();

    public string AppHostDirectory { get; }

    public IReadOnlyList<IResource> Resources => _resources;

    internal string StateDirectory { get; }

    GeneratedSecrets IGeneratedSecretsOwner.Secrets => _secrets;

    public IResourceBuilder<T> AddResource<T>(T resource) where T : IResource
    {
        _resources.Add(resource);
        return CreateResourceBuilder(resource);
    }

    public IResourceBuilder<T> CreateResourceBuilder<T>(T resource) where T : IResource => new ResourceBuilder<T>(this, resource);

    public DistributedApplication Build()
    {
        if (AppHostCapture.Current is { Builder: null } capture)
        {
            capture.Builder = this;
            throw new HostAbortedException(); // the AppHost's Main stops here; the test goes on with this builder
        }

        // The dashboard exists only in a run: publishing never sees it. The resource service it reads runs in every run
        // (the parity CLI reaches it through run.json), with or without the dashboard.
        var resourceService = new ResourceServiceAddress();
        if (ExecutionContext.IsRunMode && !_options.DisableDashboard)
        {
            this.AddDashboard(resourceService, StateDirectory);
        }
        var model = new DistributedApplicationModel([.. _resources]);
        _host.Services.AddSingleton(model);
        _host.Services.AddSingleton(ExecutionContext);
        _host.Services.AddSingleton(Eventing);
        _host.Services.AddSingleton<AppHostLifecycle>();
        _host.Services.AddSingleton(_options);
        _host.Services.AddSingleton(_commandLine);
        _host.Services.AddSingleton(new OrchestratorSettings(AppHostDirectory, StateDirectory));
        _host.Services.AddSingleton<ResourceNotificationService>();
        _host.Services.AddSingleton<ResourceLoggerService>();
        _host.Services.AddSingleton<Orchestrator>();
        _host.Services.AddSingleton(sp => new ResourceCommandService(
            sp.GetRequiredService<Orchestrator>(), sp.GetRequiredService<DistributedApplicationModel>(), sp.GetRequiredService<ResourceLoggerService>(), sp));
        _host.Services.AddSingleton(resourceService);
        if (ExecutionContext.IsRunMode)
        {
            _host.Services.AddSingleton<ResourceServiceHost>();
            _host.Services.AddHostedService(sp => sp.GetRequiredService<ResourceServiceHost>()); // before the orchestrator: it listens first
            _host.Services.AddHostedService(sp => sp.GetRequiredService<Orchestrator>());
        }
        _host.Services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(60));
        return new DistributedApplication(_host.Build());
    }

    /// <summary>The AppHost's project folder, recorded by Parity's MSBuild targets relative to its output folder.</summary>
    private static string FindAppHostDirectory(Assembly? appHost) =>
        appHost is { } entry
            && entry.GetCustomAttributes<AssemblyMetadataAttribute>().FirstOrDefault(a => a.Key == "parity.apphost.directory")?.Value is { } relative
            && Path.GetFullPath(relative, Path.GetDirectoryName(entry.Location)!) is var dir && Directory.Exists(dir)
            ? dir
            : Directory.GetCurrentDirectory();
}
