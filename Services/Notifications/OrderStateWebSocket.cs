using System.Net.WebSockets;
using System.Text;

namespace Notifications;

/// <summary><c>GET /ws/orders/{orderId}</c>: the order's states as WebSocket text messages, one JSON object each.</summary>
public static class OrderStateWebSocket
{
    private static readonly TimeSpan CloseHandshakeTimeout = TimeSpan.FromSeconds(5);

    public static async Task StreamAsync(HttpContext context, Guid orderId, OrderStateFeed feed, IHostApplicationLifetime lifetime)
    {
        if (!context.WebSockets.IsWebSocketRequest)
        {
            await TypedResults.Problem(
                statusCode: StatusCodes.Status400BadRequest,
                title: "WebSocket request expected",
                detail: $"Connect with a WebSocket client, or stream /sse/orders/{orderId} instead.").ExecuteAsync(context);
            return;
        }

        await using var subscription = await feed.SubscribeAsync(orderId);
        using var socket = await context.WebSockets.AcceptWebSocketAsync();
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, lifetime.ApplicationStopping);
        var clientClosed = ReceiveUntilClosedAsync(socket, stop);
        try
        {
            while (true)
            {
                var notification = await subscription.ReadAsync(stop.Token);
                // Not cancelled by shutdown: a send cut short would abort the socket, and it could no longer close cleanly.
                await socket.SendAsync(Encoding.UTF8.GetBytes(notification.ToJson()), WebSocketMessageType.Text, endOfMessage: true, context.RequestAborted);
            }
        }
        catch (Exception e) when (e is WebSocketException || (e is OperationCanceledException && stop.IsCancellationRequested))
        {
            // The client closed or left, or the server is stopping.
        }
        finally
        {
            await CloseAsync(socket, clientClosed, lifetime.ApplicationStopping.IsCancellationRequested);
        }
    }

    /// <summary>Reads (and ignores) what the client sends, to notice its close frame; then stops the stream.</summary>
    private static async Task ReceiveUntilClosedAsync(WebSocket socket, CancellationTokenSource stop)
    {
        var buffer = new byte[512];
        try
        {
            while ((await socket.ReceiveAsync(buffer, CancellationToken.None)).MessageType != WebSocketMessageType.Close)
            {
            }
        }
        catch (Exception e) when (e is WebSocketException or OperationCanceledException or ObjectDisposedException)
        {
            // The connection broke or was aborted: nothing left to read.
        }
        finally
        {
            stop.Cancel();
        }
    }

    private static async Task CloseAsync(WebSocket socket, Task clientClosed, bool serverStopping)
    {
        if (socket.State is WebSocketState.Open or WebSocketState.CloseReceived)
        {
            var (status, description) = serverStopping
                ? (WebSocketCloseStatus.EndpointUnavailable, "The server is shutting down.")
                : (WebSocketCloseStatus.NormalClosure, "");
            using var timeout = new CancellationTokenSource(CloseHandshakeTimeout);
            try
            {
                await socket.CloseOutputAsync(status, description, timeout.Token);
            }
            catch (Exception e) when (e is WebSocketException or OperationCanceledException)
            {
                // The client is gone; aborting below releases the connection.
            }
        }
        // Wait for the client's close frame, so the close handshake completes; a silent client is cut off.
        try
        {
            await clientClosed.WaitAsync(CloseHandshakeTimeout);
        }
        catch (TimeoutException)
        {
            socket.Abort();
            await clientClosed;
        }
    }
}
