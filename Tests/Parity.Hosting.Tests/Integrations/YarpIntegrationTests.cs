using Parity.Hosting.Yarp;
using Parity.Hosting.Yarp.Transforms;
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
}
