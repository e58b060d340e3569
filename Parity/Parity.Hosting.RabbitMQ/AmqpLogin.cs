using System.Buffers.Binary;
using System.Net.Sockets;
using System.Text;

namespace Parity.Hosting.Integrations.RabbitMQ;

/// <summary>
/// Opens and closes one AMQP 0-9-1 connection with a PLAIN login: just enough of the protocol to tell that the broker
/// is up and accepts the credentials, without a client library in the engine.
/// </summary>
internal static class AmqpLogin
{
    private const byte MethodFrame = 1;
    private const byte FrameEnd = 0xCE;
    private const ushort ConnectionClass = 10;
    private const ushort Start = 10, StartOk = 11, Tune = 30, TuneOk = 31, Open = 40, OpenOk = 41, Close = 50, CloseOk = 51;
    private const int MaxFrameSize = 1 << 20;

    private static readonly byte[] ProtocolHeader = [.. "AMQP"u8, 0, 0, 9, 1];

    public static async Task<bool> SucceedsAsync(int port, string userName, string password, CancellationToken cancellationToken)
    {
        // RabbitMQ answers a refused login by closing the socket, 3 s later.
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(10));
        var token = timeout.Token;
        try
        {
            using var client = new TcpClient();
            await client.ConnectAsync("127.0.0.1", port, token);
            var stream = client.GetStream();
            await stream.WriteAsync(ProtocolHeader, token);
            if (await ReceiveAsync(stream, token) is not (ConnectionClass, Start, _))
            {
                return false;
            }
            byte[] noClientProperties = [0, 0, 0, 0];
            await SendAsync(stream, StartOk, [.. noClientProperties, .. ShortString("PLAIN"), .. LongString($"\0{userName}\0{password}"), .. ShortString("en_US")], token);
            if (await ReceiveAsync(stream, token) is not (ConnectionClass, Tune, var tune))
            {
                return false;
            }

            // Logged in. Open and close the connection properly: RabbitMQ logs a client that just hangs up as a warning.
            byte[] noHeartbeats = [0, 0];
            await SendAsync(stream, TuneOk, [.. tune.AsSpan(0, 6), .. noHeartbeats], token);
            await SendAsync(stream, Open, [.. ShortString("/"), .. ShortString(""), 0], token);
            if (await ReceiveAsync(stream, token) is not (ConnectionClass, OpenOk, _))
            {
                return false;
            }
            await SendAsync(stream, Close, [.. UInt16(200), .. ShortString(""), .. UInt16(0), .. UInt16(0)], token);
            return await ReceiveAsync(stream, token) is (ConnectionClass, CloseOk, _);
        }
        catch (Exception e) when (e is SocketException or IOException or InvalidDataException
            || (e is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            return false; // not listening yet, login refused, or no answer in time
        }
    }

    private static async Task SendAsync(NetworkStream stream, ushort method, byte[] arguments, CancellationToken token)
    {
        byte[] payload = [.. UInt16(ConnectionClass), .. UInt16(method), .. arguments];
        await stream.WriteAsync((byte[])[MethodFrame, 0, 0, .. UInt32((uint)payload.Length), .. payload, FrameEnd], token);
    }

    /// <summary>The next method frame on channel 0: its class, its method and its arguments.</summary>
    private static async Task<(ushort Class, ushort Method, byte[] Arguments)> ReceiveAsync(NetworkStream stream, CancellationToken token)
    {
        var header = new byte[7];
        while (true)
        {
            await stream.ReadExactlyAsync(header, token);
            var size = BinaryPrimitives.ReadUInt32BigEndian(header.AsSpan(3));
            if (size > MaxFrameSize)
            {
                throw new InvalidDataException($"Not an AMQP 0-9-1 frame (size {size}).");
            }
            var body = new byte[size + 1];
            await stream.ReadExactlyAsync(body, token);
            if (header[0] == MethodFrame && size >= 4)
            {
                return (BinaryPrimitives.ReadUInt16BigEndian(body), BinaryPrimitives.ReadUInt16BigEndian(body.AsSpan(2)), body[4..^1]);
            }
        }
    }

    private static byte[] ShortString(string value) => [(byte)Encoding.UTF8.GetByteCount(value), .. Encoding.UTF8.GetBytes(value)];

    private static byte[] LongString(string value) => [.. UInt32((uint)Encoding.UTF8.GetByteCount(value)), .. Encoding.UTF8.GetBytes(value)];

    private static byte[] UInt16(ushort value)
    {
        var bytes = new byte[2];
        BinaryPrimitives.WriteUInt16BigEndian(bytes, value);
        return bytes;
    }

    private static byte[] UInt32(uint value)
    {
        var bytes = new byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(bytes, value);
        return bytes;
    }
}
