using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Parity.Hosting.Orchestration;

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

    public Task StartAsync(CancellationToken cancellationToken = default) => host.StartAsync(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken = default) => host.StopAsync(cancellationToken);

    public Task RunAsync(CancellationToken cancellationToken = default) => host.RunAsync(cancellationToken);

    /// <summary>Runs until Ctrl+C or SIGTERM. An invalid AppHost prints its errors and exits with code 1.</summary>
    public void Run()
    {
        try
        {
            if (Services.GetRequiredService<DistributedApplicationExecutionContext>().IsRunMode)
            {
                Services.GetRequiredService<Orchestrator>().Validate(); // fail with the errors alone, before the host starts
            }
            host.Run();
        }
        catch (DistributedApplicationException e)
        {
            Console.Error.WriteLine(e.Message);
            Environment.ExitCode = 1;
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
