using System.Net;
using System.Net.Sockets;

namespace Parity.Hosting.Orchestration;

/// <summary>
/// One local endpoint in front of a resource's replicas: each TCP connection goes to the next ready replica in
/// turn. Working at the TCP level carries HTTP, WebSockets and server-sent events alike.
/// </summary>
internal sealed class ReplicaProxy(int port, Func<IReadOnlyList<int>> readyReplicaPorts) : IAsyncDisposable
{
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
            var ready = readyReplicaPorts();
            if (ready.Count == 0)
            {
                return; // no replica can take it: the client sees the connection close, as with a stopped server
            }
            var target = ready[(int)((uint)Interlocked.Increment(ref _next) % ready.Count)];
            using var upstream = new TcpClient();
            try
            {
                await upstream.ConnectAsync(IPAddress.Loopback, target, stopping);
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

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        _listener.Stop();
        await _accepting;
    }
}
