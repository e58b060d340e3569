using System.Net;
using System.Net.Sockets;

namespace Parity.Hosting.Orchestration;

/// <summary>
/// One local endpoint in front of a resource's processes: each TCP connection goes to the next ready one in turn.
/// Working at the TCP level carries HTTP, WebSockets and server-sent events alike. A connection that finds no process
/// accepting it waits a little for one (a service starting, a swap under way) rather than failing at once.
/// </summary>
internal sealed class ReplicaProxy(int port, Func<IReadOnlyList<int>> readyReplicaPorts) : IAsyncDisposable
{
    private static readonly TimeSpan UpstreamWait = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan RetryInterval = TimeSpan.FromMilliseconds(50);

    private readonly TcpListener _listener = new(IPAddress.Loopback, port);
    private readonly CancellationTokenSource _stopping = new();
    private Task _accepting = Task.CompletedTask;
    private int _next;

    public void Start()
    {
        _listener.Start();
        _accepting = AcceptAsync(_stopping.Token);
    }

    private async Task AcceptAsync(CancellationToken stopping)
    {
        while (!stopping.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await _listener.AcceptTcpClientAsync(stopping);
            }
            catch (OperationCanceledException)
            {
                return;
            }
            _ = ForwardAsync(client, stopping);
        }
    }

    private async Task ForwardAsync(TcpClient client, CancellationToken stopping)
    {
        using (client)
        {
            using var upstream = await ConnectUpstreamAsync(stopping);
            if (upstream is null)
            {
                return; // nothing took it in time: the client sees the connection close, as with a stopped server
            }
            try
            {
                var inbound = client.GetStream();
                var outbound = upstream.GetStream();
                // When either side finishes, the exchange is over: closing both ends the other copy.
                await Task.WhenAny(inbound.CopyToAsync(outbound, stopping), outbound.CopyToAsync(inbound, stopping));
            }
            catch (Exception e) when (e is SocketException or IOException or OperationCanceledException)
            {
                // the replica went away mid-connection, or the run is stopping: the client sees the connection close
            }
        }
    }

    /// <summary>A connection to the next ready process that accepts one, trying them all, again and again until <see cref="UpstreamWait"/>.</summary>
    private async Task<TcpClient?> ConnectUpstreamAsync(CancellationToken stopping)
    {
        var deadline = DateTime.UtcNow + UpstreamWait;
        while (!stopping.IsCancellationRequested && DateTime.UtcNow < deadline)
        {
            var ready = readyReplicaPorts();
            var first = (int)((uint)Interlocked.Increment(ref _next) % Math.Max(1, ready.Count));
            for (var i = 0; i < ready.Count; i++)
            {
                var upstream = new TcpClient();
                try
                {
                    await upstream.ConnectAsync(IPAddress.Loopback, ready[(first + i) % ready.Count], stopping);
                    return upstream;
                }
                catch (Exception e) when (e is SocketException or OperationCanceledException)
                {
                    upstream.Dispose(); // not listening (yet, or any more): the next one
                }
            }
            await Task.Delay(RetryInterval, stopping).ContinueWith(_ => { }, TaskScheduler.Default);
        }
        return null;
    }

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        _listener.Stop();
        await _accepting;
    }
}
