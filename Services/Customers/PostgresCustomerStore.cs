using Npgsql;

namespace Customers;

/// <summary>Customers in their own database (<c>ConnectionStrings__customersdb</c>).</summary>
public sealed class PostgresCustomerStore(NpgsqlDataSource database) : ICustomerStore
{
    public async Task<Customer> AddAsync(string name, decimal creditLimit, CancellationToken cancellationToken)
    {
        await using var command = database.CreateCommand(
            "INSERT INTO customers (name, credit_limit) VALUES ($1, $2) RETURNING customer_id");
        command.Parameters.Add(new() { Value = name });
        command.Parameters.Add(new() { Value = creditLimit });
        var id = (long)(await command.ExecuteScalarAsync(cancellationToken))!;
        return new Customer(id, name, creditLimit, creditLimit);
    }

    public async Task<Customer?> FindAsync(long customerId, CancellationToken cancellationToken)
    {
        await using var command = database.CreateCommand("""
            SELECT name, credit_limit, credit_limit - (SELECT COALESCE(sum(amount), 0) FROM credit_reservations WHERE customer_id = $1)
            FROM customers WHERE customer_id = $1
            """);
        command.Parameters.Add(new() { Value = customerId });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken)
            ? new Customer(customerId, reader.GetString(0), reader.GetDecimal(1), reader.GetDecimal(2))
            : null;
    }
}
