using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;

namespace Parity.Dashboard.Tests;

/// <summary>A dashboard on real Kestrel sockets, on free loopback ports, inside the test process.</summary>
public sealed class RunningDashboard : IAsyncDisposable
{
    public const string ApiKey = "test-otlp-key";
    public const string BrowserToken = "test-browser-token";

    private readonly WebApplication _app;

    private RunningDashboard(WebApplication app, int grpcPort, int httpPort, int frontendPort)
    {
        _app = app;
        OtlpGrpcUrl = $"http://127.0.0.1:{grpcPort}";
        OtlpHttpUrl = $"http://127.0.0.1:{httpPort}";
        FrontendUrl = $"http://127.0.0.1:{frontendPort}";
    }

    public string OtlpGrpcUrl { get; }

    public string OtlpHttpUrl { get; }

    public string FrontendUrl { get; }

    public static async Task<RunningDashboard> StartAsync(IDictionary<string, string?>? overrides = null)
    {
        var (grpcPort, httpPort, frontendPort) = (FreePort(), FreePort(), FreePort());
        var settings = new Dictionary<string, string?>
        {
            ["Dashboard:OtlpGrpcUrl"] = $"http://127.0.0.1:{grpcPort}",
            ["Dashboard:OtlpHttpUrl"] = $"http://127.0.0.1:{httpPort}",
            ["Dashboard:FrontendUrl"] = $"http://127.0.0.1:{frontendPort}",
            ["Dashboard:OtlpApiKey"] = ApiKey,
            ["Dashboard:BrowserToken"] = BrowserToken,
            ["Logging:LogLevel:Default"] = "Warning",
        };
        foreach (var (key, value) in overrides ?? new Dictionary<string, string?>())
        {
            settings[key] = value;
        }

        var app = DashboardApplication.Build([], builder => builder.Configuration.AddInMemoryCollection(settings));
        await app.StartAsync(TestContext.Current.CancellationToken);
        return new RunningDashboard(app, grpcPort, httpPort, frontendPort);
    }

    /// <summary>A client for the frontend listener that carries the browser token.</summary>
    public HttpClient CreateFrontendClient(bool authenticated = true)
    {
        var client = new HttpClient { BaseAddress = new Uri(FrontendUrl) };
        if (authenticated)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", BrowserToken);
        }

        return client;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
