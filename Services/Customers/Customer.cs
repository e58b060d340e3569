namespace Customers;

public sealed record Customer(long CustomerId, string Name, decimal CreditLimit);
