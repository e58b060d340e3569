using RabbitMQ.Client;
using Store.Messaging.Contracts;

namespace Store.Messaging.RabbitMQ;

/// <summary>
/// Declares what one service uses: a publisher the exchanges it sends to, a consumer its queue, the exchange the queue
/// is bound to and the binding. Declarations are durable and idempotent, so the services may start in any order.
/// </summary>
public static class RabbitMqTopology
{
    public static Task DeclareExchangeAsync(IChannel channel, Exchange exchange, CancellationToken cancellationToken) =>
        channel.ExchangeDeclareAsync(exchange.Name, exchange.Type, durable: true, cancellationToken: cancellationToken);

    public static async Task DeclareQueueAsync(IChannel channel, QueueBinding binding, CancellationToken cancellationToken)
    {
        await DeclareExchangeAsync(channel, binding.Exchange, cancellationToken);
        await channel.QueueDeclareAsync(binding.Queue, durable: true, exclusive: false, autoDelete: false, cancellationToken: cancellationToken);
        await channel.QueueBindAsync(binding.Queue, binding.Exchange.Name, binding.RoutingKey, cancellationToken: cancellationToken);
    }
}
