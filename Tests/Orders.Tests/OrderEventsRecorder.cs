using System.Collections.Concurrent;
using System.Text.Json;
using RabbitMQ.Client;
using RabbitMQ.Client.Events;
using Store.Messaging.Contracts;
using Store.Messaging.RabbitMQ;

namespace Orders.Tests;

/// <summary>Listens to the order events exchange as any interested service would: through a queue of its own.</summary>
public sealed class OrderEventsRecorder : IAsyncDisposable
{
    private readonly ConcurrentQueue<OrderStateChanged> _received = new();
    private IConnection? _connection;
    private IChannel? _channel;

    public static async Task<OrderEventsRecorder> StartAsync(string rabbitMqConnectionString, CancellationToken cancellationToken)
    {
        var recorder = new OrderEventsRecorder();
        recorder._connection = await new ConnectionFactory { Uri = new Uri(rabbitMqConnectionString) }.CreateConnectionAsync(cancellationToken);
        var channel = recorder._channel = await recorder._connection.CreateChannelAsync(cancellationToken: cancellationToken);
        await RabbitMqTopology.DeclareExchangeAsync(channel, Exchanges.OrderEvents, cancellationToken);
        var queue = await channel.QueueDeclareAsync("", durable: false, exclusive: true, autoDelete: true, cancellationToken: cancellationToken);
        await channel.QueueBindAsync(queue.QueueName, Exchanges.OrderEvents.Name, "", cancellationToken: cancellationToken);
        var consumer = new AsyncEventingBasicConsumer(channel);
        consumer.ReceivedAsync += (_, delivery) =>
        {
            recorder._received.Enqueue(JsonSerializer.Deserialize<OrderStateChanged>(delivery.Body.Span)!);
            return Task.CompletedTask;
        };
        await channel.BasicConsumeAsync(queue.QueueName, autoAck: true, consumer, cancellationToken);
        return recorder;
    }

    /// <summary>The events received so far, once they satisfy <paramref name="isComplete"/>.</summary>
    public Task<OrderStateChanged[]> WaitForAsync(Func<OrderStateChanged[], bool> isComplete, CancellationToken cancellationToken) =>
        Poll.UntilAsync(() => Task.FromResult(_received.ToArray()), isComplete, "order events", cancellationToken);

    public async ValueTask DisposeAsync()
    {
        if (_channel is not null)
        {
            await _channel.DisposeAsync();
        }
        if (_connection is not null)
        {
            await _connection.DisposeAsync();
        }
    }
}
