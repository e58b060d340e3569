using System.Net;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Parity.Hosting.ApplicationModel;
using Parity.Hosting.Orchestration;

namespace Parity.Hosting.ResourceService;

/// <summary>
/// Serves this run's resources to the dashboard and the parity CLI over loopback HTTP, on a port the kernel picks, behind
/// a per-run API key (run.json records both). Registered before the orchestrator, so it listens before the dashboard (which is given its URL) starts, and
/// stops after every resource has.
/// </summary>
internal sealed class ResourceServiceHost(
    ResourceServiceAddress address,
    DistributedApplicationModel model,
    ResourceNotificationService notifications,
    ResourceLoggerService logs,
    ResourceCommandService commands) : IHostedService, IAsyncDisposable
{
    private WebApplication? _app;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        // An empty builder: none of the AppHost's configuration, no logging, nothing but Kestrel and routing.
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore().ConfigureKestrel(kestrel =>
            kestrel.Listen(IPAddress.Loopback, 0, listen => listen.Protocols = HttpProtocols.Http1));
        builder.Services.AddRoutingCore();
        builder.Services.AddSingleton(notifications);
        builder.Services.AddSingleton(logs);
        builder.Services.AddSingleton(commands);

        var app = builder.Build();
        var expected = Encoding.UTF8.GetBytes(address.ApiKey.Value);
        app.Use(async (context, next) =>
        {
            var presented = Encoding.UTF8.GetBytes(context.Request.Headers[ResourceServiceAddress.ApiKeyHeader].ToString());
            if (!CryptographicOperations.FixedTimeEquals(presented, expected))
            {
                context.Response.StatusCode = StatusCodes.Status401Unauthorized;
                return;
            }
            await next(context);
        });
        app.UseRouting();
        app.MapResourceService(model);

        await app.StartAsync(cancellationToken);
        _app = app;
        address.Url = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single();
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (Interlocked.Exchange(ref _app, null) is { } app)
        {
            await app.StopAsync(cancellationToken);
            await app.DisposeAsync();
        }
    }

    /// <summary>An app disposed without being stopped (a test's <c>await using</c>) still closes the port.</summary>
    public ValueTask DisposeAsync() => new(StopAsync(CancellationToken.None));
}
