using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Yarp.ReverseProxy.ServiceDiscovery;

namespace Gateway.Tests;

public sealed class GatewayProxyTests
{
    private static CancellationToken CancellationToken => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("/api/customers/5", "/customers/5")]
    [InlineData("/api/customers", "/customers")]
    [InlineData("/api/customers/x?page=2", "/customers/x?page=2")]
    public async Task Strips_the_api_prefix_before_forwarding(string requested, string forwarded)
    {
        await using var customers = await EchoServer.StartAsync("customers", CancellationToken);
        var discovery = new MovableServiceConfiguration();
        discovery.Point("customers", customers.Address);
        await using var gateway = new GatewayFactory(discovery);

        var client = await gateway.CreateAuthenticatedClientAsync();

        var reply = await client.GetFromJsonAsync<EchoReply>(requested, CancellationToken);

        Assert.Equal(new EchoReply("customers", forwarded), reply);
    }

    [Fact]
    public async Task Follows_the_customers_service_when_it_moves_to_another_port()
    {
        await using var serverA = await EchoServer.StartAsync("A", CancellationToken);
        await using var serverB = await EchoServer.StartAsync("B", CancellationToken);
        var discovery = new MovableServiceConfiguration();
        discovery.Point("customers", serverA.Address);
        await using var gateway = new GatewayFactory(discovery);
        var client = await gateway.CreateAuthenticatedClientAsync();

        var beforeMove = await client.GetFromJsonAsync<EchoReply>("/api/customers/5", CancellationToken);
        Assert.Equal(new EchoReply("A", "/customers/5"), beforeMove);

        var resolver = gateway.Services.GetRequiredService<IDestinationResolver>();
        var destinations = GatewayRoutes.Clusters.Single(cluster => cluster.ClusterId == "customers").Destinations!;
        var resolvedBefore = await resolver.ResolveDestinationsAsync(destinations, CancellationToken);
        Assert.Equal(serverA.Address, new Uri(Assert.Single(resolvedBefore.Destinations).Value.Address));
        Assert.False(resolvedBefore.ChangeToken!.HasChanged);

        discovery.Point("customers", serverB.Address);

        Assert.True(resolvedBefore.ChangeToken.HasChanged);
        var resolvedAfter = await resolver.ResolveDestinationsAsync(destinations, CancellationToken);
        Assert.Equal(serverB.Address, new Uri(Assert.Single(resolvedAfter.Destinations).Value.Address));

        // A stays up, so reaching B proves the proxy re-resolved rather than failed over.
        var afterMove = await PollAsync(
            () => client.GetFromJsonAsync<EchoReply>("/api/customers/5", CancellationToken),
            reply => reply?.Server == "B");
        Assert.Equal(new EchoReply("B", "/customers/5"), afterMove);
    }

    [Fact]
    public async Task Root_describes_the_routes()
    {
        await using var gateway = new GatewayFactory(new MovableServiceConfiguration());

        using var description = await gateway.CreateClient().GetFromJsonAsync<JsonDocument>("/", CancellationToken);

        var routes = description!.RootElement.GetProperty("routes").EnumerateArray().ToDictionary(
            route => route.GetProperty("path").GetString()!,
            route => (route.GetProperty("cluster").GetString(), Assert.Single(route.GetProperty("destinations").EnumerateArray()).GetString()));
        Assert.Equal(
            new Dictionary<string, (string?, string?)>
            {
                ["/api/customers/{**rest}"] = ("customers", "http://customers"),
                ["/api/orders/{**rest}"] = ("orders", "http://orders"),
                ["/api/products/{**rest}"] = ("catalog", "http://catalog"),
                ["/api/products/{id}/image"] = ("catalog", "http://catalog"),
                ["/api/recommendations/{**rest}"] = ("recommendations", "http://recommendations"),
                ["/ws/{**rest}"] = ("notifications", "http://notifications"),
                ["/sse/{**rest}"] = ("notifications", "http://notifications"),
            },
            routes);
    }

    [Theory]
    [InlineData("/api/orders/7?page=2", "orders", "/orders/7?page=2")]
    [InlineData("/api/products", "catalog", "/products")]
    [InlineData("/api/products/3/image", "catalog", "/products/3/image")]
    [InlineData("/sse/orders?x=1", "notifications", "/sse/orders?x=1")]
    public async Task Routes_each_prefix_to_its_service(string requested, string service, string forwarded)
    {
        await using var backend = await EchoServer.StartAsync(service, CancellationToken);
        var discovery = new MovableServiceConfiguration();
        discovery.Point(service, backend.Address);
        await using var gateway = new GatewayFactory(discovery);
        var client = await gateway.CreateAuthenticatedClientAsync();

        var reply = await client.GetFromJsonAsync<EchoReply>(requested, CancellationToken);

        Assert.Equal(new EchoReply(service, forwarded), reply);
    }

    [Theory]
    [InlineData("GET", "/nothing/here", HttpStatusCode.NotFound)]
    [InlineData("GET", "/api/token", HttpStatusCode.MethodNotAllowed)]
    public async Task A_refusal_of_the_gateways_own_is_a_problem(string method, string path, HttpStatusCode status)
    {
        await using var gateway = new GatewayFactory(new MovableServiceConfiguration());
        var client = await gateway.CreateAuthenticatedClientAsync();

        using var response = await client.SendAsync(new HttpRequestMessage(new HttpMethod(method), path), CancellationToken);

        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    // YARP applies a re-resolution in the background after the change token fires.
    private static async Task<T> PollAsync<T>(Func<Task<T>> attempt, Func<T, bool> done)
    {
        var result = await attempt();
        for (var tries = 0; tries < 100 && !done(result); tries++)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(100), CancellationToken);
            result = await attempt();
        }

        return result;
    }
}
