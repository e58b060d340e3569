using System.Net.WebSockets;
using Store.Messaging.Contracts;

namespace Notifications.Tests;

public sealed class OrderStreamTests(NotificationsCluster cluster)
{
    private static readonly DateTimeOffset Placed = new(2030, 1, 2, 3, 4, 5, TimeSpan.Zero);

    [Fact]
    public async Task Clients_of_either_replica_see_their_order_go_from_pending_to_approved()
    {
        var orderId = Guid.NewGuid();
        var otherOrderId = Guid.NewGuid();
        using var socket = await OrderStateSocket.ConnectAsync(cluster.First.WebSocket(StreamPath("ws", orderId)), Within());
        using var events = await ServerSentEventStream.OpenAsync(cluster.Second.Http(StreamPath("sse", orderId)), bearerToken: null, Within());

        await cluster.PublishAsync(Change(otherOrderId, "PENDING", Placed), Within());
        await cluster.PublishAsync(Change(orderId, "PENDING", Placed), Within());
        await AssertNextAsync(orderId, "PENDING", socket, events);

        await cluster.PublishAsync(Change(otherOrderId, "APPROVED", Placed.AddSeconds(1)), Within());
        await cluster.PublishAsync(Change(orderId, "APPROVED", Placed.AddSeconds(1)), Within());
        await AssertNextAsync(orderId, "APPROVED", socket, events);
    }

    [Fact]
    public async Task A_client_connecting_after_pending_learns_it_first_then_hears_the_rejection_once()
    {
        var orderId = Guid.NewGuid();
        using var early = await OrderStateSocket.ConnectAsync(cluster.First.WebSocket(StreamPath("ws", orderId)), Within());
        await cluster.PublishAsync(Change(orderId, "PENDING", Placed), Within());
        await AssertNextAsync(orderId, "PENDING", early);

        using var late = await ServerSentEventStream.OpenAsync(cluster.Second.Http(StreamPath("sse", orderId)), bearerToken: null, Within());
        var current = await late.ReadOrderStateAsync(Within());
        Assert.Equal(new ReceivedOrderState(orderId, "PENDING", null, Placed), current);

        await cluster.PublishAsync(Change(orderId, "REJECTED", Placed.AddSeconds(2), "Credit limit exceeded"), Within());
        var rejected = new ReceivedOrderState(orderId, "REJECTED", "Credit limit exceeded", Placed.AddSeconds(2));
        Assert.Equal(rejected, await late.ReadOrderStateAsync(Within()));
        Assert.Equal(rejected, await early.ReadOrderStateAsync(Within()));
    }

    [Fact]
    public async Task A_redelivered_older_state_reaches_no_client_and_does_not_replace_the_current_one()
    {
        var orderId = Guid.NewGuid();
        using var socket = await OrderStateSocket.ConnectAsync(cluster.First.WebSocket(StreamPath("ws", orderId)), Within());
        await cluster.PublishAsync(Change(orderId, "PENDING", Placed), Within());
        await AssertNextAsync(orderId, "PENDING", socket);
        await cluster.PublishAsync(Change(orderId, "APPROVED", Placed.AddSeconds(1)), Within());
        await AssertNextAsync(orderId, "APPROVED", socket);

        await cluster.PublishAsync(Change(orderId, "PENDING", Placed), Within());
        await cluster.PublishAsync(Change(orderId, "APPROVED", Placed.AddSeconds(1)), Within());
        // Made-up, but later than both: whatever order the replicas handled the two repeats in, this comes next.
        await cluster.PublishAsync(Change(orderId, "REJECTED", Placed.AddSeconds(3), "Cancelled"), Within());

        await AssertNextAsync(orderId, "REJECTED", socket);
        using var late = await ServerSentEventStream.OpenAsync(cluster.Second.Http(StreamPath("sse", orderId)), bearerToken: null, Within());
        Assert.Equal("REJECTED", (await late.ReadOrderStateAsync(Within())).State);
    }

    [Fact]
    public async Task Stopping_a_replica_closes_its_sockets_and_ends_its_event_streams()
    {
        var orderId = Guid.NewGuid();
        var replica = NotificationsReplica.Start(cluster.Settings);
        OrderStateSocket? socket = null;
        ServerSentEventStream? events = null;
        ValueTask? stopped = null;
        try
        {
            socket = await OrderStateSocket.ConnectAsync(replica.WebSocket(StreamPath("ws", orderId)), Within());
            events = await ServerSentEventStream.OpenAsync(replica.Http(StreamPath("sse", orderId)), bearerToken: null, Within());
            await cluster.PublishAsync(Change(orderId, "PENDING", Placed), Within());
            await AssertNextAsync(orderId, "PENDING", socket, events);

            stopped = replica.DisposeAsync();

            Assert.Null(await socket.ReadAsync(Within()));
            Assert.Equal(WebSocketCloseStatus.EndpointUnavailable, socket.Socket.CloseStatus);
            Assert.Null(await events.ReadEventAsync(Within()));
            await stopped.Value.AsTask().WaitAsync(Within());
        }
        finally
        {
            socket?.Dispose();
            events?.Dispose();
            await (stopped ?? replica.DisposeAsync());
        }
    }

    /// <summary>A stream path with a token in the query, as a browser connects.</summary>
    internal static string StreamPath(string kind, Guid orderId, string? token = null) =>
        $"/{kind}/orders/{orderId}?access_token={Uri.EscapeDataString(token ?? TestTokens.Create())}";

    internal static CancellationToken Within(int seconds = 30)
    {
        var source = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        source.CancelAfter(TimeSpan.FromSeconds(seconds));
        return source.Token;
    }

    private static OrderStateChanged Change(Guid orderId, string state, DateTimeOffset occurredAt, string? rejectionReason = null) =>
        new(orderId, CustomerId: 7, state, rejectionReason, occurredAt);

    private static async Task AssertNextAsync(Guid orderId, string state, OrderStateSocket socket, ServerSentEventStream? events = null)
    {
        var viaSocket = await socket.ReadOrderStateAsync(Within());
        Assert.Equal((orderId, state), (viaSocket.OrderId, viaSocket.State));
        if (events is not null)
        {
            var viaEvents = await events.ReadOrderStateAsync(Within());
            Assert.Equal((orderId, state), (viaEvents.OrderId, viaEvents.State));
        }
    }
}
