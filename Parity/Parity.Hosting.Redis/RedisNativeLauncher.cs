using System.Net.Sockets;
using System.Text;
using Parity.Hosting.ApplicationModel;

namespace Parity.Hosting.Integrations.Redis;

/// <summary>
/// Runs <c>redis-server</c> with its configuration on standard input, so the password never shows in <c>ps</c>.
/// Ready once it answers PING after AUTH.
/// </summary>
internal sealed class RedisNativeLauncher : INativeLauncher
{
    public Task<ProcessSpec> PrepareAsync(NativeLaunchContext context, CancellationToken cancellationToken)
    {
        var redis = (RedisResource)context.Resource;
        var config = new StringBuilder()
            .AppendLine($"port {context.PortOf(RedisResource.PrimaryEndpointName)}")
            .AppendLine("bind 127.0.0.1")
            .AppendLine("protected-mode yes")
            .AppendLine("daemonize no")
            .AppendLine($"requirepass \"{context.Render(redis.PasswordParameter)}\"")
            .AppendLine($"dir \"{context.DataDirectory}\"")
            .AppendLine(context.IsPersistent ? "appendonly yes" : "appendonly no")
            .AppendLine(context.IsPersistent ? "" : "save \"\"")
            .ToString();
        return Task.FromResult(new ProcessSpec("redis-server", ["-"], context.DataDirectory, context.Environment) { StandardInput = config });
    }

    public async Task<bool> IsReadyAsync(NativeLaunchContext context, CancellationToken cancellationToken)
    {
        var redis = (RedisResource)context.Resource;
        try
        {
            using var client = new TcpClient();
            await client.ConnectAsync("127.0.0.1", context.PortOf(RedisResource.PrimaryEndpointName), cancellationToken);
            var stream = client.GetStream();
            var password = context.Render(redis.PasswordParameter);
            await stream.WriteAsync(Encoding.UTF8.GetBytes(
                $"*2\r\n$4\r\nAUTH\r\n${Encoding.UTF8.GetByteCount(password)}\r\n{password}\r\n*1\r\n$4\r\nPING\r\n"), cancellationToken);
            var reply = new StringBuilder();
            var buffer = new byte[256];
            while (!reply.ToString().Contains("PONG") && !reply.ToString().Contains("-ERR") && !reply.ToString().Contains("-WRONGPASS"))
            {
                var read = await stream.ReadAsync(buffer, cancellationToken);
                if (read == 0)
                {
                    return false;
                }
                reply.Append(Encoding.UTF8.GetString(buffer, 0, read));
            }
            return reply.ToString().StartsWith("+OK\r\n+PONG", StringComparison.Ordinal);
        }
        catch (SocketException)
        {
            return false; // not listening yet
        }
    }
}
