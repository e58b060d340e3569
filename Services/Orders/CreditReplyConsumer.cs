using Store.Messaging.Contracts;
using Store.Messaging.RabbitMQ;

namespace Orders;

/// <summary>Settles orders by customers' <see cref="CreditReply"/>.</summary>
public sealed class CreditReplyConsumer(RabbitMqConnection connection, PostgresOrderStore orders, ILogger<CreditReplyConsumer> logger)
    : MessageConsumer(connection, logger, Queue)
{
    public static readonly QueueBinding Queue = new("orders.credit-replies", Exchanges.OrdersReplies, nameof(CreditReply));

    protected override async Task HandleAsync(ReceivedMessage message, CancellationToken cancellationToken)
    {
        var reply = message.Read<CreditReply>();
        if (await orders.ApplyCreditReplyAsync(message.MessageId, reply, MessageTracing.CurrentTraceParent(), cancellationToken) is { } status)
        {
            if (status.RejectionReason is null)
            {
                logger.LogDebug("Order {OrderId} is {State}", reply.OrderId, status.State);
            }
            else
            {
                logger.LogDebug("Order {OrderId} is {State}: {RejectionReason}", reply.OrderId, status.State, status.RejectionReason);
            }
        }
        else
        {
            logger.LogDebug("Credit reply {MessageId} ({Outcome}) changed nothing: handled before, or order {OrderId} is unknown or settled",
                message.MessageId, reply.Outcome, reply.OrderId);
        }
    }
}
