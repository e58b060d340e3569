using System.Net;
using System.Net.WebSockets;
using System.Text;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Gateway.Tests;

/// <summary>WebSockets and server-sent events through the gateway on a real Kestrel socket, as a browser uses them.</summary>
public sealed class GatewayStreamingTests
{
    private static CancellationToken CancellationToken => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_websocket_with_the_token_in_the_query_reaches_notifications_and_echoes_both_ways()
    {
        await using var notifications = await FakeService.StartAsync(EchoWebSocketAsync, CancellationToken);
        await using var gateway = StartOnKestrel(notifications);
        var token = await GatewayFactory.IssueTokenAsync(gateway.CreateClient());
        using var socket = new ClientWebSocket();

        await socket.ConnectAsync(new Uri(WebSocketAddress(gateway), $"/ws/orders?access_token={token}"), CancellationToken);
        var greeting = await ReceiveTextAsync(socket);
        await socket.SendAsync(Encoding.UTF8.GetBytes("ping"), WebSocketMessageType.Text, endOfMessage: true, CancellationToken);
        var echo = await ReceiveTextAsync(socket);
        await socket.CloseAsync(WebSocketCloseStatus.NormalClosure, "done", CancellationToken);

        Assert.Equal($"/ws/orders?access_token={token}", greeting);
        Assert.Equal("ping", echo);
    }

    [Fact]
    public async Task A_websocket_without_a_token_is_refused_with_401()
    {
        await using var notifications = await FakeService.StartAsync(EchoWebSocketAsync, CancellationToken);
        await using var gateway = StartOnKestrel(notifications);
        using var socket = new ClientWebSocket();
        socket.Options.CollectHttpResponseDetails = true;

        await Assert.ThrowsAsync<WebSocketException>(() =>
            socket.ConnectAsync(new Uri(WebSocketAddress(gateway), "/ws/orders"), CancellationToken));

        Assert.Equal(HttpStatusCode.Unauthorized, socket.HttpStatusCode);
        Assert.Equal(0, notifications.Requests);
    }

    [Fact]
    public async Task Server_sent_events_arrive_one_by_one_rather_than_when_the_stream_ends()
    {
        var secondEvent = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var notifications = await FakeService.StartAsync(async context =>
        {
            context.Response.ContentType = "text/event-stream";
            await context.Response.WriteAsync("data: first\n\n", context.RequestAborted);
            await context.Response.Body.FlushAsync(context.RequestAborted);
            await secondEvent.Task.WaitAsync(context.RequestAborted);
            await context.Response.WriteAsync("data: second\n\n", context.RequestAborted);
        }, CancellationToken);
        await using var gateway = StartOnKestrel(notifications);
        var client = gateway.CreateClient();
        var token = await GatewayFactory.IssueTokenAsync(client);

        using var response = await client.GetAsync($"/sse/orders?access_token={token}", HttpCompletionOption.ResponseHeadersRead, CancellationToken);
        using var events = new StreamReader(await response.Content.ReadAsStreamAsync(CancellationToken));
        // Were the gateway buffering, the first event would wait for the second, which waits for this read.
        var first = await events.ReadLineAsync(CancellationToken).AsTask().WaitAsync(TimeSpan.FromSeconds(30), CancellationToken);
        secondEvent.SetResult();
        await events.ReadLineAsync(CancellationToken);
        var second = await events.ReadLineAsync(CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(("data: first", "data: second"), (first, second));
    }

    /// <summary>Greets with the path and query it was reached at, then echoes every text message.</summary>
    private static async Task EchoWebSocketAsync(HttpContext context)
    {
        if (!context.WebSockets.IsWebSocketRequest)
        {
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }

        using var socket = await context.WebSockets.AcceptWebSocketAsync();
        var greeting = Encoding.UTF8.GetBytes(context.Request.Path + context.Request.QueryString);
        await socket.SendAsync(greeting, WebSocketMessageType.Text, endOfMessage: true, context.RequestAborted);
        var buffer = new byte[4096];
        while (true)
        {
            var received = await socket.ReceiveAsync(buffer, context.RequestAborted);
            if (received.MessageType == WebSocketMessageType.Close)
            {
                await socket.CloseAsync(WebSocketCloseStatus.NormalClosure, null, context.RequestAborted);
                return;
            }

            await socket.SendAsync(buffer.AsMemory(0, received.Count), received.MessageType, received.EndOfMessage, context.RequestAborted);
        }
    }

    private static async Task<string> ReceiveTextAsync(ClientWebSocket socket)
    {
        var buffer = new byte[4096];
        var received = await socket.ReceiveAsync(buffer, CancellationToken);
        return Encoding.UTF8.GetString(buffer, 0, received.Count);
    }

    private static GatewayFactory StartOnKestrel(FakeService notifications)
    {
        var discovery = new MovableServiceConfiguration();
        discovery.Point("notifications", notifications.Address);
        var gateway = new GatewayFactory(discovery);
        gateway.UseKestrel(port: 0);
        gateway.StartServer();
        return gateway;
    }

    private static Uri WebSocketAddress(GatewayFactory gateway)
    {
        var address = new Uri(gateway.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
        return new UriBuilder(address) { Scheme = "ws" }.Uri;
    }
}
