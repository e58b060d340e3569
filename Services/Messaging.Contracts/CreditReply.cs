namespace Store.Messaging.Contracts;

public enum CreditOutcome
{
    CreditReserved,
    CreditLimitExceeded,
    CustomerNotFound,
}

/// <summary>Customers' answer to <see cref="ReserveCredit"/>.</summary>
public sealed record CreditReply(long CustomerId, Guid OrderId, CreditOutcome Outcome);
