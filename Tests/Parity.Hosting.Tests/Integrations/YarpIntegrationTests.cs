using System.Net.Http.Json;
using System.Text.Json;
using Parity.Hosting.Yarp;
using Parity.Hosting.Yarp.Transforms;
using Parity.Testing;
using Yarp.ReverseProxy.Configuration;

namespace Parity.Hosting.Tests.Integrations;

public sealed class YarpIntegrationTests
{
    [Fact]
    public async Task RoutesAPathToABackendWithoutItsPrefix()
    {
        var builder = TestApp.CreateBuilder();
        var backend = builder.AddProject<Projects.TestService>("backend").WithHttpHealthCheck("/health");
        builder.AddYarp("gateway")
            .WithConfiguration(yarp =>
            {
                yarp.AddRoute("/api/x/{**rest}", backend).WithTransformPathRemovePrefix("/api/x");
                yarp.AddRoute("/v2/{**rest}", backend.GetEndpoint("http"))
                    .WithMatchRouteQueryParameter([new() { Name = "api-version", Values = ["2.0"], Mode = QueryParameterMatchMode.Exact }])
                    .WithTransformPathSet("/pid");
            })
            .WaitFor(backend);
        await using var app = builder.Build();
        await app.StartAsync(TestApp.Timeout());
        var gateway = await app.WaitForHealthyAsync("gateway");
        var proxy = Assert.Single(gateway.Urls!);

        // TestService answers /env/{name} and /pid: reached only if the proxy removed /api/x on the way.
        Assert.Equal("backend", await TestApp.GetAsync($"{proxy}/api/x/env/OTEL_SERVICE_NAME"));
        Assert.Equal(app.PidOf("backend").ToString(System.Globalization.CultureInfo.InvariantCulture), await TestApp.GetAsync($"{proxy}/api/x/pid"));

        // The proxy found the backend by service discovery: its address came with the reference, like any service's.
        var environment = gateway.Environment!.ToDictionary(v => v.Name, v => v.Value);
        Assert.Equal("http://backend", environment["ReverseProxy__Clusters__cluster_backend__Destinations__destination1__Address"]);
        Assert.StartsWith("http://localhost:", environment["services__backend__http__0"]);
        Assert.Equal("gateway", environment["OTEL_SERVICE_NAME"]);

        // A route YARP read with its query match and path transform: only api-version=2.0 reaches the backend's /pid.
        Assert.Equal(app.PidOf("backend").ToString(System.Globalization.CultureInfo.InvariantCulture), await TestApp.GetAsync($"{proxy}/v2/anything?api-version=2.0"));
        using var http = new HttpClient();
        foreach (var unmatched in new[] { "/v2/anything?api-version=1.0", "/elsewhere" })
        {
            using var response = await http.GetAsync(proxy + unmatched, TestContext.Current.CancellationToken);
            Assert.Equal(System.Net.HttpStatusCode.NotFound, response.StatusCode);
        }
    }

    [Fact]
    public async Task TheProxysTracesReachTheDashboard()
    {
        var state = Directory.CreateTempSubdirectory("parity-test-").FullName;
        var builder = DistributedApplicationTestingBuilder.Create([], options =>
        {
            options.StateDirectory = state;
            options.DisableDashboard = false;
            options.StopGracePeriod = TimeSpan.FromSeconds(3);
        });
        var backend = builder.AddProject<Projects.TestService>("backend").WithHttpHealthCheck("/health");
        builder.AddYarp("gateway").WithConfiguration(yarp => yarp.AddRoute(backend)).WaitFor(backend);
        await using var app = builder.Build();
        await app.StartAsync(TestApp.Timeout());
        var proxy = Assert.Single((await app.WaitForHealthyAsync("gateway")).Urls!);
        Assert.Equal("healthy", (await TestApp.GetAsync($"{proxy}/health")).Trim('"'));

        using var runJson = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(state, "run.json"), TestContext.Current.CancellationToken));
        var login = new Uri(runJson.RootElement.GetProperty("dashboard").GetProperty("loginUrl").GetString()!);
        using var dashboard = new HttpClient { BaseAddress = new Uri(login.GetLeftPart(UriPartial.Authority)) };
        dashboard.DefaultRequestHeaders.Authorization = new("Bearer", System.Web.HttpUtility.ParseQueryString(login.Query)["t"]);
        var timeout = TestApp.Timeout();
        while (true)
        {
            var traces = await dashboard.GetFromJsonAsync<JsonElement>("/api/traces?resource=gateway&limit=100", timeout);
            if (traces.EnumerateArray().Any(t => t.GetProperty("spans").EnumerateArray().Any(span => span.GetProperty("resource").GetString() == "gateway")))
            {
                break;
            }
            await Task.Delay(250, timeout);
        }
    }
}
