namespace Store.Messaging.Contracts;

/// <summary>The exchanges the store's services publish to; each consumer binds a queue of its own.</summary>
public static class Exchanges
{
    /// <summary>Commands to customers (<see cref="ReserveCredit"/>); routing key = message type.</summary>
    public static readonly Exchange CustomersCommands = new("customers.commands", "direct");

    /// <summary>Replies to the order saga (<see cref="CreditReply"/>); routing key = message type.</summary>
    public static readonly Exchange OrdersReplies = new("orders.replies", "direct");

    /// <summary>Order events (<see cref="OrderStateChanged"/>): anyone interested binds a queue.</summary>
    public static readonly Exchange OrderEvents = new("orders.events", "fanout");
}
