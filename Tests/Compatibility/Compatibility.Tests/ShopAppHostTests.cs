using System.Net;
using Parity.Testing;

namespace Compatibility.Tests;

/// <summary>eShop's shape: backing services, projects, a YARP BFF with transforms, a lifecycle hook, URLs and callbacks.</summary>
public sealed class ShopAppHostTests
{
    private const string Healthy = "\"healthy\""; // what the .NET API answers on /health: a JSON string

    [Fact]
    public async Task RunsToAllHealthyAndServesThroughTheReverseProxy()
    {
        var ct = Deadline.Token();
        var builder = await DistributedApplicationTestingBuilder.CreateAsync<Projects.ShopAppHost>(ct);
        await using var app = await builder.BuildAsync(ct);
        await app.StartAsync(ct);
        foreach (var name in new[] { "mobile-bff", "webapp", "order-processor" })
        {
            await app.ResourceNotifications.WaitForResourceHealthyAsync(name, ct);
        }

        // The route strips /catalog-api; the lifecycle hook's callback reached the project behind it.
        using var bff = app.CreateHttpClient("mobile-bff");
        Assert.Equal("true", await bff.GetStringAsync("/catalog-api/env/ASPNETCORE_FORWARDEDHEADERS_ENABLED", ct));
        Assert.Equal(Healthy, await bff.GetStringAsync("/identity/health", ct));
        using var withoutVersion = await bff.GetAsync("/api/orders/health", ct);
        Assert.Equal(HttpStatusCode.NotFound, withoutVersion.StatusCode); // the route matches only with an api-version

        using var webApp = app.CreateHttpClient("webapp");
        var catalogStore = await webApp.GetStringAsync("/env/ConnectionStrings__catalog-store", ct);
        Assert.Equal($"{await app.GetConnectionStringAsync("catalogdb", ct)};Deployment=catalog", catalogStore);
        Assert.Equal(app.GetEndpoint("webapp", "http").ToString().TrimEnd('/'), await webApp.GetStringAsync("/env/CallBackUrl", ct));
    }

    [Fact]
    public async Task PublishesTheProxyAndTheCustomImage()
    {
        var published = await PublishedAppHost.PublishAsync(new Projects.ShopAppHost());

        Assert.Equal("container.v0", published.Resource("mobile-bff")["type"]!.GetValue<string>());
        Assert.Equal("ankane/pgvector:latest", published.Resource("postgres")["image"]!.GetValue<string>());
        Assert.Equal("true", published.Resource("catalog-api")["env"]!["ASPNETCORE_FORWARDEDHEADERS_ENABLED"]!.GetValue<string>());
        Assert.Contains("image: ankane/pgvector:latest", published.ClusterFile("postgres-statefulset.yaml"));
    }
}
