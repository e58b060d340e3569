using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using Microsoft.AspNetCore.Http;

namespace Gateway.Tests;

/// <summary>What the gateway sends again when a backend fails, and what it never repeats.</summary>
public sealed class GatewayRetryTests : IDisposable
{
    private readonly List<Socket> _refusingSockets = [];

    private const int Orders = 20;

    private static CancellationToken CancellationToken => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_post_that_could_not_connect_to_one_replica_is_sent_to_the_other()
    {
        var bodies = new List<string>();
        await using var live = await FakeService.StartAsync(async context =>
        {
            using var reader = new StreamReader(context.Request.Body);
            var body = await reader.ReadToEndAsync(context.RequestAborted);
            lock (bodies)
            {
                bodies.Add(body);
            }
            context.Response.StatusCode = StatusCodes.Status202Accepted;
        }, CancellationToken);
        var discovery = new MovableServiceConfiguration();
        discovery.Point("orders", RefusingAddress(), live.Address);
        await using var gateway = new GatewayFactory(discovery);
        var client = await gateway.CreateAuthenticatedClientAsync();

        // Balanced at random over two destinations, twenty requests all but surely try the refusing one.
        for (var order = 0; order < Orders; order++)
        {
            using var response = await client.PostAsJsonAsync("/api/orders", new { order }, CancellationToken);
            Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        }

        Assert.Equal(Enumerable.Range(0, Orders).Select(order => $$"""{"order":{{order}}}"""), bodies);
    }

    [Fact]
    public async Task A_request_that_can_connect_nowhere_is_refused_after_the_bounded_retries()
    {
        var discovery = new MovableServiceConfiguration();
        discovery.Point("orders", RefusingAddress());
        await using var gateway = new GatewayFactory(discovery);
        var client = await gateway.CreateAuthenticatedClientAsync();

        using var response = await client.PostAsJsonAsync("/api/orders", new { order = 1 }, CancellationToken);

        Assert.Equal(HttpStatusCode.BadGateway, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task A_post_the_backend_received_is_never_sent_again()
    {
        await using var orders = await FakeService.StartAsync(Abort, CancellationToken);
        var discovery = new MovableServiceConfiguration();
        discovery.Point("orders", orders.Address);
        await using var gateway = new GatewayFactory(discovery);
        var client = await gateway.CreateAuthenticatedClientAsync();

        using var response = await client.PostAsJsonAsync("/api/orders", new { order = 1 }, CancellationToken);

        Assert.Equal(HttpStatusCode.BadGateway, response.StatusCode);
        Assert.Equal(1, orders.Requests);
    }

    [Fact]
    public async Task A_get_without_a_body_is_retried_when_the_backend_failed_before_answering()
    {
        await using var orders = await FakeService.StartAsync(Abort, CancellationToken);
        var discovery = new MovableServiceConfiguration();
        discovery.Point("orders", orders.Address);
        await using var gateway = new GatewayFactory(discovery);
        var client = await gateway.CreateAuthenticatedClientAsync();

        using var response = await client.GetAsync("/api/orders/1", CancellationToken);

        Assert.Equal(HttpStatusCode.BadGateway, response.StatusCode);
        Assert.Equal(1 + UnreachedBackendRetry.MaxRetries, orders.Requests);
    }

    [Fact]
    public async Task An_answer_that_began_is_passed_on_and_not_retried()
    {
        await using var orders = await FakeService.StartAsync(FakeService.Status(StatusCodes.Status503ServiceUnavailable), CancellationToken);
        var discovery = new MovableServiceConfiguration();
        discovery.Point("orders", orders.Address);
        await using var gateway = new GatewayFactory(discovery);
        var client = await gateway.CreateAuthenticatedClientAsync();

        using var response = await client.GetAsync("/api/orders/1", CancellationToken);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal(1, orders.Requests);
    }

    // The backend took the request and dropped the connection before any response: a crash mid-request.
    private static Task Abort(HttpContext context)
    {
        context.Abort();
        return Task.CompletedTask;
    }

    // A loopback port that was just free: connecting to it is refused.
    /// <summary>
    /// A port that refuses connections for the whole test: bound but never listening, so no other test's server can
    /// take it meanwhile and answer in its place.
    /// </summary>
    private Uri RefusingAddress()
    {
        var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        socket.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        _refusingSockets.Add(socket);
        return new Uri($"http://127.0.0.1:{((IPEndPoint)socket.LocalEndPoint!).Port}");
    }

    public void Dispose() => _refusingSockets.ForEach(s => s.Dispose());
}
