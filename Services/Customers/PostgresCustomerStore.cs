using Npgsql;

namespace Customers;

/// <summary>Customers in their own database (<c>ConnectionStrings__customersdb</c>).</summary>
public sealed class PostgresCustomerStore(NpgsqlDataSource database) : ICustomerStore
{
    private readonly Lazy<Task> _schema = new(() => CreateSchemaAsync(database));

    public async Task<Customer> AddAsync(string name, decimal creditLimit, CancellationToken cancellationToken)
    {
        await _schema.Value;
        await using var command = database.CreateCommand(
            "INSERT INTO customers (name, credit_limit) VALUES ($1, $2) RETURNING customer_id");
        command.Parameters.Add(new() { Value = name });
        command.Parameters.Add(new() { Value = creditLimit });
        var id = (long)(await command.ExecuteScalarAsync(cancellationToken))!;
        return new Customer(id, name, creditLimit);
    }

    public async Task<Customer?> FindAsync(long customerId, CancellationToken cancellationToken)
    {
        await _schema.Value;
        await using var command = database.CreateCommand("SELECT name, credit_limit FROM customers WHERE customer_id = $1");
        command.Parameters.Add(new() { Value = customerId });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? new Customer(customerId, reader.GetString(0), reader.GetDecimal(1)) : null;
    }

    private static async Task CreateSchemaAsync(NpgsqlDataSource database)
    {
        await using var command = database.CreateCommand("""
            CREATE TABLE IF NOT EXISTS customers (
                customer_id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                name text NOT NULL,
                credit_limit numeric(18, 2) NOT NULL CHECK (credit_limit >= 0))
            """);
        await command.ExecuteNonQueryAsync();
    }
}
