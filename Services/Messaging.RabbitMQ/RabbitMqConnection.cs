using Microsoft.Extensions.Configuration;
using RabbitMQ.Client;

namespace Store.Messaging.RabbitMQ;

/// <summary>
/// The service's one connection to RabbitMQ (<c>ConnectionStrings__rabbitmq</c>). Opened on first use and retried
/// until the broker answers; once open, the client recovers it (and its consumers) by itself.
/// </summary>
public sealed class RabbitMqConnection(IConfiguration configuration) : IAsyncDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private IConnection? _connection;

    public async Task<IConnection> GetAsync(CancellationToken cancellationToken)
    {
        if (_connection is { } open)
        {
            return open;
        }
        await _gate.WaitAsync(cancellationToken);
        try
        {
            return _connection ??= await new ConnectionFactory
            {
                Uri = new Uri(configuration.GetConnectionString("rabbitmq")
                    ?? throw new InvalidOperationException("ConnectionStrings__rabbitmq is not set.")),
                AutomaticRecoveryEnabled = true,
                TopologyRecoveryEnabled = true,
                NetworkRecoveryInterval = TimeSpan.FromSeconds(1),
                ClientProvidedName = AppDomain.CurrentDomain.FriendlyName,
            }.CreateConnectionAsync(cancellationToken);
        }
        finally
        {
            _gate.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_connection is { } connection)
        {
            await connection.CloseAsync();
            connection.Dispose();
        }
    }
}
