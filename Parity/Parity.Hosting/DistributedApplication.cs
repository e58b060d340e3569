using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Parity.Hosting.ApplicationModel;
using Parity.Hosting.Orchestration;
using Parity.Hosting.Publishing;

namespace Parity.Hosting;

public sealed class DistributedApplication(IHost host) : IHost, IAsyncDisposable
{
    public static IDistributedApplicationBuilder CreateBuilder(string[] args) =>
        new DistributedApplicationBuilder(new DistributedApplicationOptions { Args = args });

    public static IDistributedApplicationBuilder CreateBuilder(DistributedApplicationOptions options) =>
        new DistributedApplicationBuilder(options);

    public IServiceProvider Services => host.Services;

    public ResourceNotificationService ResourceNotifications => Services.GetRequiredService<ResourceNotificationService>();

    public ResourceCommandService ResourceCommands => Services.GetRequiredService<ResourceCommandService>();

    public ResourceLoggerService ResourceLogs => Services.GetRequiredService<ResourceLoggerService>();

    /// <summary>The connection string of a resource, rendered for this machine (null for a resource without one).</summary>
    public Task<string?> GetConnectionStringAsync(string resourceName, CancellationToken cancellationToken = default) =>
        Task.FromResult(Services.GetRequiredService<Orchestrator>().ConnectionString(resourceName));

    /// <summary>The URL of one endpoint of a resource (its first HTTP endpoint by default).</summary>
    public Uri GetEndpoint(string resourceName, string? endpointName = null) =>
        Services.GetRequiredService<Orchestrator>().EndpointUrl(resourceName, endpointName);

    public Task StartAsync(CancellationToken cancellationToken = default) => host.StartAsync(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken = default) => host.StopAsync(cancellationToken);

    public Task RunAsync(CancellationToken cancellationToken = default) => host.RunAsync(cancellationToken);

    /// <summary>Runs until Ctrl+C or SIGTERM. An invalid AppHost prints its errors and exits with code 1.</summary>
    public void Run()
    {
        try
        {
            if (Services.GetRequiredService<DistributedApplicationExecutionContext>().IsPublishMode)
            {
                RunPublishingVerb();
                return;
            }
            Services.GetRequiredService<Orchestrator>().Validate(); // fail with the errors alone, before the host starts
            host.Run();
        }
        catch (DistributedApplicationException e)
        {
            Console.Error.WriteLine(e.Message);
            Environment.ExitCode = 1;
        }
    }

    /// <summary>Publishes, lists missing programs, or runs an extension's verb (parity, deploy); needs none of the programs a run needs.</summary>
    private void RunPublishingVerb()
    {
        var model = Services.GetRequiredService<DistributedApplicationModel>();
        var options = Services.GetRequiredService<DistributedApplicationOptions>();
        var verb = options.Args.FirstOrDefault();
        if (verb == "doctor")
        {
            // Before validation: what is missing on this machine is worth knowing even while the model has other errors.
            Environment.ExitCode = DoctorCommand.Run(model);
            return;
        }
        ModelValidator.Validate(model, forRun: false);
        var context = new AppHostVerbContext(
            model, options.Args, Services.GetRequiredService<OrchestratorSettings>().AppHostDirectory,
            Services.GetRequiredService<IConfiguration>(), DashboardRuns: !options.DisableDashboard);
        var extensions = Services.GetRequiredService<IReadOnlyList<IAppHostExtension>>();
        if (extensions.FirstOrDefault(e => e.Verbs.Contains(verb)) is { } extension)
        {
            Environment.ExitCode = extension.Run(verb!, context);
            return;
        }
        foreach (var published in PublishCommand.Run(context, extensions))
        {
            Console.WriteLine($"Published {published}");
        }
        foreach (var warning in ImageVersionCheck.Warnings(model))
        {
            Console.Error.WriteLine(warning);
        }
    }

    public void Dispose() => host.Dispose();

    /// <summary>Stops every process the app started, then releases the host.</summary>
    public async ValueTask DisposeAsync()
    {
        await Services.GetRequiredService<Orchestrator>().StopAsync(CancellationToken.None);
        if (host is IAsyncDisposable asyncDisposable)
        {
            await asyncDisposable.DisposeAsync();
        }
        else
        {
            host.Dispose();
        }
    }
}
