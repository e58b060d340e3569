using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Parity.Hosting.ResourceService;
using Parity.Testing;

namespace Parity.Hosting.Tests.ResourceService;

/// <summary>
/// A small topology run with the dashboard: a secret parameter, Redis (whose connection string carries a generated
/// password), a project given both, and a plain executable. Started once for its test class: each start costs seconds.
/// </summary>
public sealed class DashboardTopology : IAsyncLifetime
{
    public const string SecretParameterValue = "parameter-secret-7Hq2xZ";
    public const string DashboardName = "parity-dashboard";

    private DistributedApplication? _app;

    public DistributedApplication App => _app ?? throw new InvalidOperationException("Not started.");

    /// <summary>The dashboard's frontend, signed in with the run's browser token.</summary>
    public HttpClient Dashboard { get; private set; } = new();

    internal ResourceServiceAddress ResourceService => App.Services.GetRequiredService<ResourceServiceAddress>();

    /// <summary>Every secret value of the run: none may leave the engine through the dashboard.</summary>
    public IReadOnlyList<string> Secrets { get; private set; } = [];

    public async ValueTask InitializeAsync()
    {
        var builder = DistributedApplicationTestingBuilder.Create([], options =>
        {
            options.DisableDashboard = false;
            options.StopGracePeriod = TimeSpan.FromSeconds(3);
        });
        var apiKey = builder.AddParameter("api-key", SecretParameterValue, secret: true);
        var cache = builder.AddRedis("cache");
        builder.AddProject<Projects.TestService>("api")
            .WithReference(cache)
            .WithEnvironment("API_KEY", apiKey)
            .WithEnvironment("GREETING", "hello")
            .WithHttpHealthCheck("/health");
        builder.AddExecutable("sleeper", "sleep", ".", "300");
        _app = builder.Build();
        await _app.StartAsync(TestApp.Timeout());
        foreach (var name in (string[])["api", "cache", DashboardName])
        {
            await _app.WaitForHealthyAsync(name);
        }

        var dashboard = _app.Services.GetRequiredService<DistributedApplicationModel>().Dashboard!;
        var browserToken = ((RunSecret)dashboard.BrowserToken).Value;
        Dashboard = new HttpClient { BaseAddress = _app.GetEndpoint(DashboardName, DashboardResource.FrontendEndpoint) };
        Dashboard.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", browserToken);
        var connectionString = await _app.GetConnectionStringAsync("cache", TestContext.Current.CancellationToken) ?? "";
        var redisPassword = connectionString[(connectionString.IndexOf("password=", StringComparison.Ordinal) + "password=".Length)..];
        Secrets = [SecretParameterValue, redisPassword, ((RunSecret)dashboard.OtlpApiKey).Value, browserToken, ResourceService.ApiKey.Value];
    }

    /// <summary>
    /// Polls the dashboard's <c>/api/resources</c> until it answers and <paramref name="until"/> holds; returns the raw
    /// body. Meanwhile the dashboard may be restarting (no connection) or not connected to the AppHost yet (503).
    /// </summary>
    public async Task<string> GetResourcesAsync(Func<IReadOnlyDictionary<string, JsonElement>, bool> until)
    {
        var timeout = TestApp.Timeout();
        while (true)
        {
            try
            {
                using var response = await Dashboard.GetAsync("/api/resources", timeout);
                if (response.StatusCode != HttpStatusCode.ServiceUnavailable)
                {
                    Assert.Equal(HttpStatusCode.OK, response.StatusCode);
                    var body = await response.Content.ReadAsStringAsync(timeout);
                    if (until(ByName(body)))
                    {
                        return body;
                    }
                }
            }
            catch (HttpRequestException e) when (e.HttpRequestError == HttpRequestError.ConnectionError)
            {
                // the dashboard is starting again: ask once it listens
            }
            await Task.Delay(200, timeout);
        }
    }

    public static IReadOnlyDictionary<string, JsonElement> ByName(string body) =>
        JsonDocument.Parse(body).RootElement.EnumerateArray().ToDictionary(r => r.GetProperty("name").GetString()!, r => r.Clone());

    public async ValueTask DisposeAsync()
    {
        Dashboard.Dispose();
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }
    }
}
