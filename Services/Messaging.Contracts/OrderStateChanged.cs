namespace Store.Messaging.Contracts;

/// <summary>Event: an order entered a state (PENDING, APPROVED, REJECTED); notifications streams these to clients.</summary>
public sealed record OrderStateChanged(Guid OrderId, long CustomerId, string State, string? RejectionReason, DateTimeOffset OccurredAt);
