namespace Customers;

/// <param name="AvailableCredit">The credit limit less the credit reserved for orders.</param>
public sealed record Customer(long CustomerId, string Name, decimal CreditLimit, decimal AvailableCredit);
