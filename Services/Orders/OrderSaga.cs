using Store.Messaging.Contracts;

namespace Orders;

/// <summary>
/// The order saga's transitions: an order starts PENDING, and customers' credit reply settles it once.
/// APPROVED and REJECTED are final, so a late or repeated reply changes nothing.
/// </summary>
public static class OrderSaga
{
    public static OrderStatus Started { get; } = new(OrderStates.Pending, RejectionReason: null);

    /// <returns>The order's next status, or null when the reply changes nothing.</returns>
    public static OrderStatus? OnCreditReply(OrderStatus current, CreditOutcome outcome)
    {
        if (current.State != OrderStates.Pending)
        {
            return null;
        }
        return outcome switch
        {
            CreditOutcome.CreditReserved => new(OrderStates.Approved, RejectionReason: null),
            CreditOutcome.CreditLimitExceeded => new(OrderStates.Rejected, RejectionReasons.InsufficientCredit),
            CreditOutcome.CustomerNotFound => new(OrderStates.Rejected, RejectionReasons.UnknownCustomer),
            // An outcome this version does not know (from a newer customers) is not dropped: the reply is retried.
            _ => throw new ArgumentOutOfRangeException(nameof(outcome), outcome, "Unknown credit outcome."),
        };
    }
}
