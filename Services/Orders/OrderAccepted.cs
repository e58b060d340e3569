namespace Orders;

/// <summary>Body of the answer to POST /orders: the order exists, its credit check is under way.</summary>
public sealed record OrderAccepted(Guid OrderId);
