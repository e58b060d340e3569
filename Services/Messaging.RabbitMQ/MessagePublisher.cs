using System.Diagnostics;
using System.Text.Json;
using RabbitMQ.Client;

namespace Store.Messaging.RabbitMQ;

/// <summary>
/// Publishes persistent JSON messages with publisher confirms: <see cref="PublishAsync"/> returns only once the
/// broker has taken the message, and throws otherwise (also when no queue is bound to take it), so an outbox row is deleted only after a confirm. Publishes may
/// run concurrently on the one channel, so a batch waits for one round of confirms rather than one per message.
/// </summary>
public sealed class MessagePublisher(RabbitMqConnection connection, PublishedExchanges exchanges) : IAsyncDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private IChannel? _channel;

    /// <param name="traceParent">The trace the message belongs to, when it is published later than the work that caused it.</param>
    public Task PublishAsync<T>(string exchange, string routingKey, T message, string messageId, string? traceParent, CancellationToken cancellationToken) =>
        PublishAsync(exchange, routingKey, typeof(T).Name, JsonSerializer.SerializeToUtf8Bytes(message), messageId, traceParent, cancellationToken);

    /// <summary>Publishes a message serialized earlier (an outbox row), under the type name it was serialized from.</summary>
    public async Task PublishAsync(
        string exchange, string routingKey, string type, ReadOnlyMemory<byte> body, string messageId, string? traceParent, CancellationToken cancellationToken)
    {
        ActivityContext.TryParse(traceParent, null, out var parent);
        using var activity = MessageTracing.Source.StartActivity($"{exchange} publish", ActivityKind.Producer, parent);
        activity?.SetTag("messaging.system", "rabbitmq");
        activity?.SetTag("messaging.destination.name", exchange);
        activity?.SetTag("messaging.message.id", messageId);

        var properties = new BasicProperties
        {
            MessageId = messageId,
            Type = type,
            ContentType = "application/json",
            DeliveryMode = DeliveryModes.Persistent,
            Headers = new Dictionary<string, object?>(),
        };
        MessageTracing.Inject(activity ?? Activity.Current, properties.Headers);

        var channel = await ChannelAsync(cancellationToken);
        try
        {
            // The client tracks confirms per channel, so publishes may overlap: each awaits only its own confirm.
            await channel.BasicPublishAsync(exchange, routingKey, mandatory: true, properties, body, cancellationToken);
        }
        catch
        {
            // A failed publish may leave the channel closed: open a fresh one next time.
            Interlocked.CompareExchange(ref _channel, null, channel);
            throw;
        }
    }

    private async Task<IChannel> ChannelAsync(CancellationToken cancellationToken)
    {
        if (_channel is { IsOpen: true } current)
        {
            return current;
        }
        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (_channel is { IsOpen: true } opened)
            {
                return opened;
            }
            var channel = await (await connection.GetAsync(cancellationToken)).CreateChannelAsync(
                new CreateChannelOptions(publisherConfirmationsEnabled: true, publisherConfirmationTrackingEnabled: true), cancellationToken);
            foreach (var exchange in exchanges.All)
            {
                await RabbitMqTopology.DeclareExchangeAsync(channel, exchange, cancellationToken);
            }
            return _channel = channel;
        }
        finally
        {
            _gate.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_channel is { } channel)
        {
            await channel.DisposeAsync();
        }
    }
}
