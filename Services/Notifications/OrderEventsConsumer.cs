using Store.Messaging.Contracts;
using Store.Messaging.RabbitMQ;

namespace Notifications;

/// <summary>
/// Takes order events off the notifications queue (replicas compete: each event reaches one of them) and hands
/// them to the feed, whose Redis channel reaches the clients of every replica.
/// </summary>
public sealed class OrderEventsConsumer(RabbitMqConnection connection, OrderStateFeed feed, ILogger<OrderEventsConsumer> logger)
    : MessageConsumer(connection, logger, Queue)
{
    /// <summary>Every order event, whatever its routing key (the exchange is a fanout).</summary>
    public static readonly QueueBinding Queue = new("notifications.order-events", Exchanges.OrderEvents, RoutingKey: "");

    protected override async Task HandleAsync(ReceivedMessage message, CancellationToken cancellationToken)
    {
        if (message.Type != nameof(OrderStateChanged))
        {
            // The exchange is a fanout other events may join; they are not ours to stream, and never will be.
            logger.LogDebug("Ignoring message {MessageId} of type {Type}", message.MessageId, message.Type);
            return;
        }
        var change = message.Read<OrderStateChanged>();
        if (await feed.PublishAsync(OrderStateNotification.From(change)).WaitAsync(cancellationToken))
        {
            logger.LogDebug("Order {OrderId} is {State}", change.OrderId, change.State);
        }
        else
        {
            logger.LogDebug("Order {OrderId} {State} is not newer than its stored state; not streamed", change.OrderId, change.State);
        }
    }
}
