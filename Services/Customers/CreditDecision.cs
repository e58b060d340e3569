using Store.Messaging.Contracts;

namespace Customers;

/// <summary>Whether an order's total can be reserved against a customer's available credit.</summary>
public static class CreditDecision
{
    /// <param name="availableCredit">Null when there is no such customer.</param>
    public static CreditOutcome Decide(decimal? availableCredit, decimal orderTotal) => availableCredit switch
    {
        null => CreditOutcome.CustomerNotFound,
        // A total that is not positive would raise the available credit instead of using it: refuse it.
        _ when orderTotal <= 0 => CreditOutcome.CreditLimitExceeded,
        var available when orderTotal <= available => CreditOutcome.CreditReserved,
        _ => CreditOutcome.CreditLimitExceeded,
    };
}
