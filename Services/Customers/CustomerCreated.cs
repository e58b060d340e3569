namespace Customers;

public sealed record CustomerCreated(long CustomerId);
