namespace Customers;

public interface ICustomerStore
{
    Task<Customer> AddAsync(string name, decimal creditLimit, CancellationToken cancellationToken);

    Task<Customer?> FindAsync(long customerId, CancellationToken cancellationToken);
}
