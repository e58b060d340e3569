namespace Store.Messaging.Contracts;

/// <summary>Command from the order saga to customers: reserve this much credit for this order.</summary>
public sealed record ReserveCredit(long CustomerId, Guid OrderId, decimal OrderTotal);
