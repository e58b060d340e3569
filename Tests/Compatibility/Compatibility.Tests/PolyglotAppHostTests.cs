using Parity.Testing;

namespace Compatibility.Tests;

/// <summary>aspire-samples' Node, JavaScript and Python shapes: apps in other languages beside a .NET API.</summary>
public sealed class PolyglotAppHostTests
{
    private const string Healthy = "\"healthy\""; // what the .NET API answers on /health: a JSON string

    [Fact]
    public async Task NodeNpmAndPythonAppsListenOnTheirPortAndReachTheApi()
    {
        var ct = Deadline.Token();
        var builder = await DistributedApplicationTestingBuilder.CreateAsync<Projects.PolyglotAppHost>(ct);
        await using var app = await builder.BuildAsync(ct);
        await app.StartAsync(ct);
        foreach (var name in new[] { "frontend", "spa", "spa-next", "python-api" })
        {
            await app.ResourceNotifications.WaitForResourceHealthyAsync(name, ct);
        }

        using var frontend = app.CreateHttpClient("frontend");
        Assert.Equal(Healthy, await frontend.GetStringAsync("/upstream", ct));
        Assert.Equal("frontend", await frontend.GetStringAsync("/env/OTEL_SERVICE_NAME", ct));
        Assert.Equal(await app.GetConnectionStringAsync("cache", ct), await frontend.GetStringAsync("/env/ConnectionStrings__cache", ct));
        using var python = app.CreateHttpClient("python-api");
        Assert.Equal(Healthy, await python.GetStringAsync("/upstream", ct));
        foreach (var name in new[] { "spa", "spa-next" })
        {
            using var spa = app.CreateHttpClient(name);
            Assert.Equal(app.GetEndpoint("weatherapi", "http").ToString().TrimEnd('/'), await spa.GetStringAsync("/api", ct));
        }
    }

    [Fact]
    public async Task EachAppIsPublishedFromItsDockerfile()
    {
        var published = await PublishedAppHost.PublishAsync(new Projects.PolyglotAppHost());

        foreach (var name in new[] { "frontend", "spa", "spa-next", "python-api" })
        {
            var app = published.Resource(name);
            Assert.Equal("dockerfile.v0", app["type"]!.GetValue<string>());
            Assert.EndsWith("Dockerfile", app["path"]!.GetValue<string>());
            Assert.Equal("{weatherapi.bindings.http.url}", app["env"]!["services__weatherapi__http__0"]!.GetValue<string>());
        }
        Assert.Contains("frontend-deployment.yaml", published.ClusterFiles);
    }
}
