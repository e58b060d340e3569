using Parity.Hosting.Yarp.Transforms;

namespace Parity.Hosting.Tests.Integrations;

public sealed class YarpIntegrationTests
{
    [Fact]
    public async Task RoutesAPathToABackendWithoutItsPrefix()
    {
        var builder = TestApp.CreateBuilder();
        var backend = builder.AddProject<Projects.TestService>("backend").WithHttpHealthCheck("/health");
        builder.AddYarp("gateway")
            .WithConfiguration(yarp => yarp.AddRoute("/api/x/{**rest}", backend).WithTransformPathRemovePrefix("/api/x"))
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

        using var http = new HttpClient();
        using var unmatched = await http.GetAsync($"{proxy}/elsewhere", TestContext.Current.CancellationToken);
        Assert.Equal(System.Net.HttpStatusCode.NotFound, unmatched.StatusCode);
    }
}
