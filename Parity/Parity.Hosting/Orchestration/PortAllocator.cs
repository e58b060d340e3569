using System.Net;
using System.Net.Sockets;

namespace Parity.Hosting.Orchestration;

/// <summary>
/// Hands out free loopback ports. The kernel picks them; a port already handed out in this process (by any app,
/// since tests run several side by side) is never handed out twice, so two endpoints cannot race for one port.
/// </summary>
internal static class PortAllocator
{
    private static readonly HashSet<int> Allocated = [];

    public static int Allocate()
    {
        for (var attempt = 0; attempt < 100; attempt++)
        {
            var port = BindAndRelease(0);
            lock (Allocated)
            {
                if (Allocated.Add(port))
                {
                    return port;
                }
            }
        }
        throw new DistributedApplicationException("Could not find a free TCP port on 127.0.0.1.");
    }

    public static void Release(int port)
    {
        lock (Allocated)
        {
            Allocated.Remove(port);
        }
    }

    public static bool IsFree(int port)
    {
        try
        {
            BindAndRelease(port);
            return true;
        }
        catch (SocketException e) when (e.SocketErrorCode is SocketError.AddressAlreadyInUse or SocketError.AccessDenied)
        {
            return false;
        }
    }

    private static int BindAndRelease(int port)
    {
        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        socket.Bind(new IPEndPoint(IPAddress.Loopback, port));
        return ((IPEndPoint)socket.LocalEndPoint!).Port;
    }
}
