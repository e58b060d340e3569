using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Parity.Hosting.ApplicationModel;
using Parity.Hosting.Eventing;
using Parity.Hosting.Orchestration;
using Parity.Hosting.Publishing;
using Parity.Hosting.Verbs;

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

    public Task StartAsync(CancellationToken cancellationToken = default)
    {
        ThrowOnCommandLineError();
        return host.StartAsync(cancellationToken);
    }

    public Task StopAsync(CancellationToken cancellationToken = default) => host.StopAsync(cancellationToken);

    public Task RunAsync(CancellationToken cancellationToken = default)
    {
        ThrowOnCommandLineError();
        return host.RunAsync(cancellationToken);
    }

    /// <summary>
    /// Runs until Ctrl+C or SIGTERM, or runs the verb the arguments name, or prints the help they ask for. Invalid
    /// arguments or an invalid AppHost print their errors and exit with code 1.
    /// </summary>
    public void Run()
    {
        var commandLine = Services.GetRequiredService<AppHostCommandLine>();
        try
        {
            if (commandLine.ShowsHelp)
            {
                commandLine.PrintHelp(Console.Out);
                return;
            }
            ThrowOnCommandLineError();
            if (commandLine.Verb is not null)
            {
                // Publishing sees the model as BeforeStartEvent subscribers leave it, as a run does.
                Services.GetRequiredService<AppHostLifecycle>().BeforeStartAsync(CancellationToken.None).GetAwaiter().GetResult();
                Environment.ExitCode = commandLine.RunVerb(VerbContext(commandLine));
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

    /// <summary>What a verb works from: the model as publishing sees it; a verb needs none of the programs a run needs.</summary>
    private AppHostVerbContext VerbContext(AppHostCommandLine commandLine) =>
        new(Services.GetRequiredService<DistributedApplicationModel>(),
            commandLine.ParseResult,
            Services.GetRequiredService<OrchestratorSettings>().AppHostDirectory,
            Services.GetRequiredService<IConfiguration>(),
            DashboardRuns: !Services.GetRequiredService<DistributedApplicationOptions>().DisableDashboard,
            Services.GetRequiredService<OrchestratorSettings>().StateDirectory);

    /// <summary>A mistyped verb must not start the app (nor a test's app) as if it had not been given.</summary>
    private void ThrowOnCommandLineError()
    {
        if (Services.GetRequiredService<AppHostCommandLine>().Error is { } error)
        {
            throw new DistributedApplicationException(error);
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
