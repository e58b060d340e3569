using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Parity.Dashboard.Resources;

namespace Parity.Dashboard.Tests;

/// <summary>
/// Stands in for an AppHost's resource service, only to test how the dashboard connects and reconnects (the real
/// service is tested end to end with the engine). Each connection to <c>/resources</c> gets the next batch of
/// resource names and then ends, except the last batch's, which stays open.
/// </summary>
public sealed class FakeResourceService : IAsyncDisposable
{
    public const string ApiKey = "test-resource-service-key";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private static readonly CommandView[] ProcessCommands =
        [.. new[] { "stop", "start", "restart" }.Select(c => new CommandView(c, c, null, "Enabled", null, null, false))];

    private readonly WebApplication _app;
    private int _connections;

    private FakeResourceService(WebApplication app) => _app = app;

    public int Connections => Volatile.Read(ref _connections);

    public static async Task<FakeResourceService> StartAsync(int port, params string[][] batches)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, port));
        var app = builder.Build();
        var service = new FakeResourceService(app);
        app.MapGet("/resources", async (HttpContext context, IHostApplicationLifetime lifetime) =>
        {
            if (context.Request.Headers[ResourceServiceClient.ApiKeyHeader] != ApiKey)
            {
                context.Response.StatusCode = StatusCodes.Status401Unauthorized;
                return;
            }
            var index = Interlocked.Increment(ref service._connections) - 1;
            context.Response.ContentType = "application/x-ndjson";
            foreach (var name in batches[Math.Min(index, batches.Length - 1)])
            {
                var view = new ResourceView(name, "Project", "Running", null, null, 0, null, [], [], [], null, [.. ProcessCommands]);
                await context.Response.WriteAsync(JsonSerializer.Serialize(view, Json) + "\n");
                await context.Response.Body.FlushAsync();
            }
            if (index >= batches.Length - 1)
            {
                using var ending = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, lifetime.ApplicationStopping);
                await Task.Delay(Timeout.Infinite, ending.Token).ContinueWith(_ => { }, TaskScheduler.Default);
            }
        });
        await app.StartAsync(TestContext.Current.CancellationToken);
        return service;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
