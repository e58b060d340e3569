using RabbitMQ.Client;

namespace Store.Messaging;

/// <summary>Exchanges and queues of the store. Every service declares what it uses, so start order does not matter.</summary>
public static class MessagingTopology
{
    /// <summary>Commands to customers (direct exchange; routing key = message type).</summary>
    public const string CustomersCommands = "customers.commands";

    public const string ReserveCreditQueue = "customers.reserve-credit";

    /// <summary>Replies to the order saga (direct exchange; routing key = message type).</summary>
    public const string OrdersReplies = "orders.replies";

    public const string CreditRepliesQueue = "orders.credit-replies";

    /// <summary>Order events (fanout exchange): anyone interested binds a queue.</summary>
    public const string OrderEvents = "orders.events";

    public const string NotificationsQueue = "notifications.order-events";

    public static async Task DeclareAsync(IChannel channel, CancellationToken cancellationToken = default)
    {
        await channel.ExchangeDeclareAsync(CustomersCommands, ExchangeType.Direct, durable: true, cancellationToken: cancellationToken);
        await channel.ExchangeDeclareAsync(OrdersReplies, ExchangeType.Direct, durable: true, cancellationToken: cancellationToken);
        await channel.ExchangeDeclareAsync(OrderEvents, ExchangeType.Fanout, durable: true, cancellationToken: cancellationToken);
        await DeclareQueueAsync(channel, ReserveCreditQueue, CustomersCommands, nameof(Contracts.ReserveCredit), cancellationToken);
        await DeclareQueueAsync(channel, CreditRepliesQueue, OrdersReplies, nameof(Contracts.CreditReply), cancellationToken);
        await DeclareQueueAsync(channel, NotificationsQueue, OrderEvents, "", cancellationToken);
    }

    private static async Task DeclareQueueAsync(IChannel channel, string queue, string exchange, string routingKey, CancellationToken cancellationToken)
    {
        await channel.QueueDeclareAsync(queue, durable: true, exclusive: false, autoDelete: false, cancellationToken: cancellationToken);
        await channel.QueueBindAsync(queue, exchange, routingKey, cancellationToken: cancellationToken);
    }
}
