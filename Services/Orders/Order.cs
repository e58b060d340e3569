namespace Orders;

public sealed record Order(Guid OrderId, long CustomerId, decimal OrderTotal, string State, string? RejectionReason);
