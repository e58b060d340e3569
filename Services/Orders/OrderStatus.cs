namespace Orders;

/// <summary>Where an order stands in the saga; <paramref name="RejectionReason"/> is set only when it is rejected.</summary>
public sealed record OrderStatus(string State, string? RejectionReason);
