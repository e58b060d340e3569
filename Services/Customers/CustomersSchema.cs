using Npgsql;
using Store.Messaging.Postgres;

namespace Customers;

/// <summary>The tables of <c>customersdb</c>, applied by <c>Customers migrate</c> before the service starts. Safe to run again.</summary>
public static class CustomersSchema
{
    private const string Tables = """
        CREATE TABLE IF NOT EXISTS customers (
            customer_id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
            name text NOT NULL,
            credit_limit numeric(18, 2) NOT NULL CHECK (credit_limit >= 0));
        CREATE TABLE IF NOT EXISTS credit_reservations (
            order_id uuid PRIMARY KEY,
            customer_id bigint NOT NULL REFERENCES customers,
            amount numeric(18, 2) NOT NULL CHECK (amount > 0),
            reserved_at timestamptz NOT NULL DEFAULT now());
        CREATE INDEX IF NOT EXISTS credit_reservations_customer_id ON credit_reservations (customer_id);
        """;

    /// <summary>The service's tables with the outbox it publishes from and the processed-messages table its consumer records in.</summary>
    public static Task ApplyAsync(NpgsqlDataSource database, CancellationToken cancellationToken) =>
        MessagingSchema.ApplyAsync(database, Tables, cancellationToken);
}
