using System.Net;
using System.Net.Http.Json;
using System.Net.WebSockets;
using System.Text.Json;
using Microsoft.Extensions.Hosting;

namespace Notifications.Tests;

public sealed class StreamAuthenticationTests(NotificationsCluster cluster)
{
    private static CancellationToken CancellationToken => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Event_stream_without_a_token_is_401()
    {
        using var events = await ServerSentEventStream.OpenAsync(cluster.First.Http($"/sse/orders/{Guid.NewGuid()}"), bearerToken: null, CancellationToken);

        Assert.Equal(HttpStatusCode.Unauthorized, events.Response.StatusCode);
    }

    [Fact]
    public async Task WebSocket_without_a_token_is_refused_with_401()
    {
        using var socket = new ClientWebSocket();
        socket.Options.CollectHttpResponseDetails = true;

        await Assert.ThrowsAsync<WebSocketException>(() => socket.ConnectAsync(cluster.First.WebSocket($"/ws/orders/{Guid.NewGuid()}"), CancellationToken));

        Assert.Equal(HttpStatusCode.Unauthorized, socket.HttpStatusCode);
    }

    [Fact]
    public async Task Event_stream_accepts_the_token_in_access_token_or_in_the_authorization_header()
    {
        var orderId = Guid.NewGuid();
        using var viaQuery = await ServerSentEventStream.OpenAsync(cluster.Second.Http(OrderStreamTests.StreamPath("sse", orderId)), bearerToken: null, CancellationToken);
        using var viaHeader = await ServerSentEventStream.OpenAsync(cluster.Second.Http($"/sse/orders/{orderId}"), TestTokens.Create(), CancellationToken);

        foreach (var events in new[] { viaQuery, viaHeader })
        {
            Assert.Equal(HttpStatusCode.OK, events.Response.StatusCode);
            Assert.Equal("text/event-stream", events.Response.Content.Headers.ContentType?.MediaType);
        }
    }

    [Fact]
    public async Task WebSocket_accepts_the_token_in_access_token()
    {
        using var socket = await OrderStateSocket.ConnectAsync(cluster.Second.WebSocket(OrderStreamTests.StreamPath("ws", Guid.NewGuid())), CancellationToken);

        Assert.Equal(WebSocketState.Open, socket.Socket.State);
        Assert.Equal(HttpStatusCode.SwitchingProtocols, socket.Socket.HttpStatusCode);
    }

    public static TheoryData<string, string> RejectedTokens => new()
    {
        { "another key", TestTokens.Create(signingKey: "a-signing-key-that-is-not-the-gateways-one") },
        { "another issuer", TestTokens.Create(issuer: "someone-else") },
        { "another audience", TestTokens.Create(audience: "admin") },
        { "expired", TestTokens.Create(expiresIn: TimeSpan.FromHours(-1)) },
        { "not a token", "not-a-token" },
    };

    [Theory]
    [MemberData(nameof(RejectedTokens))]
    public async Task Event_stream_refuses_a_token_the_gateway_did_not_issue(string why, string token)
    {
        using var events = await ServerSentEventStream.OpenAsync(
            cluster.First.Http(OrderStreamTests.StreamPath("sse", Guid.NewGuid(), token)), bearerToken: null, CancellationToken);

        Assert.True(events.Response.StatusCode == HttpStatusCode.Unauthorized, why);
    }

    [Theory]
    [InlineData("/health")]
    [InlineData("/alive")]
    public async Task Health_endpoints_need_no_token(string path)
    {
        using var http = new HttpClient();

        var response = await http.GetAsync(cluster.First.Http(path), CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync(CancellationToken));
    }

    [Fact]
    public async Task Health_is_unhealthy_while_redis_is_unreachable()
    {
        var settings = new Dictionary<string, string>(cluster.Settings) { ["ConnectionStrings:redis"] = "127.0.0.1:1,password=unused,connectTimeout=500" };
        await using var replica = NotificationsReplica.Start(settings);
        using var http = new HttpClient();

        var response = await http.GetAsync(replica.Http("/health"), CancellationToken);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal("Unhealthy", await response.Content.ReadAsStringAsync(CancellationToken));
    }

    [Fact]
    public async Task A_plain_request_to_the_websocket_endpoint_is_a_400_problem()
    {
        using var http = new HttpClient();

        var response = await http.GetAsync(cluster.First.Http(OrderStreamTests.StreamPath("ws", Guid.NewGuid())), CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(400, (await response.Content.ReadFromJsonAsync<JsonElement>(CancellationToken)).GetProperty("status").GetInt32());
    }

    [Fact]
    public async Task Without_a_signing_key_the_streams_are_open()
    {
        var settings = cluster.Settings.Where(setting => setting.Key != DevelopmentTokens.SigningKeySetting).ToDictionary();
        await using var replica = NotificationsReplica.Start(settings);

        using var events = await ServerSentEventStream.OpenAsync(replica.Http($"/sse/orders/{Guid.NewGuid()}"), bearerToken: null, CancellationToken);
        using var socket = await OrderStateSocket.ConnectAsync(replica.WebSocket($"/ws/orders/{Guid.NewGuid()}"), CancellationToken);

        Assert.Equal(HttpStatusCode.OK, events.Response.StatusCode);
        Assert.Equal(WebSocketState.Open, socket.Socket.State);
    }
}
