using Store.Messaging.Contracts;
using Store.Messaging.RabbitMQ;

namespace Customers;

/// <summary>Answers the order saga's <see cref="ReserveCredit"/> commands.</summary>
public sealed class ReserveCreditConsumer(RabbitMqConnection connection, PostgresCreditReservations reservations, ILogger<ReserveCreditConsumer> logger)
    : MessageConsumer(connection, logger, Queue)
{
    public static readonly QueueBinding Queue = new("customers.reserve-credit", Exchanges.CustomersCommands, nameof(ReserveCredit));

    protected override async Task HandleAsync(ReceivedMessage message, CancellationToken cancellationToken)
    {
        var request = message.Read<ReserveCredit>();
        var reply = await reservations.ReserveAsync(message.MessageId, request, MessageTracing.CurrentTraceParent(), cancellationToken);
        if (reply is null)
        {
            logger.LogDebug("ReserveCredit {MessageId} for order {OrderId} was handled before; ignored", message.MessageId, request.OrderId);
        }
        else
        {
            logger.LogDebug("Order {OrderId} of customer {CustomerId} for {OrderTotal}: {Outcome}", request.OrderId, request.CustomerId, request.OrderTotal, reply.Outcome);
        }
    }
}
