using System.Net.WebSockets;
using System.Text;

namespace Notifications.Tests;

/// <summary>A WebSocket client of <c>/ws/orders/{orderId}</c>.</summary>
public sealed class OrderStateSocket(ClientWebSocket socket) : IDisposable
{
    public ClientWebSocket Socket => socket;

    public static async Task<OrderStateSocket> ConnectAsync(Uri url, CancellationToken cancellationToken)
    {
        var socket = new ClientWebSocket();
        socket.Options.CollectHttpResponseDetails = true;
        try
        {
            await socket.ConnectAsync(url, cancellationToken);
            return new OrderStateSocket(socket);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    /// <summary>The next state, or null when the server closed the socket (see <see cref="ClientWebSocket.CloseStatus"/>).</summary>
    public async Task<ReceivedOrderState?> ReadAsync(CancellationToken cancellationToken)
    {
        var buffer = new byte[4096];
        using var message = new MemoryStream();
        while (true)
        {
            var result = await socket.ReceiveAsync(buffer, cancellationToken);
            if (result.MessageType == WebSocketMessageType.Close)
            {
                await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "", cancellationToken);
                return null;
            }
            Assert.Equal(WebSocketMessageType.Text, result.MessageType);
            message.Write(buffer, 0, result.Count);
            if (result.EndOfMessage)
            {
                return ReceivedOrderState.Parse(Encoding.UTF8.GetString(message.ToArray()));
            }
        }
    }

    public async Task<ReceivedOrderState> ReadOrderStateAsync(CancellationToken cancellationToken) =>
        await ReadAsync(cancellationToken) ?? throw new EndOfStreamException($"The server closed the socket: {socket.CloseStatus} {socket.CloseStatusDescription}");

    public void Dispose() => socket.Dispose();
}
