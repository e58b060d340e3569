using System.Collections.Concurrent;

namespace Customers.Tests;

public sealed class InMemoryCustomerStore : ICustomerStore
{
    private readonly ConcurrentDictionary<long, Customer> _customers = new();
    private long _lastId;

    public Task<Customer> AddAsync(string name, decimal creditLimit, CancellationToken cancellationToken)
    {
        var customer = new Customer(Interlocked.Increment(ref _lastId), name, creditLimit, creditLimit);
        _customers[customer.CustomerId] = customer;
        return Task.FromResult(customer);
    }

    public Task<Customer?> FindAsync(long customerId, CancellationToken cancellationToken) =>
        Task.FromResult(_customers.GetValueOrDefault(customerId));
}
