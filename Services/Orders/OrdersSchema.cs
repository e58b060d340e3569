using Npgsql;
using Store.Messaging.Postgres;

namespace Orders;

/// <summary>The tables of <c>ordersdb</c>, applied by <c>Orders migrate</c> before the service starts. Safe to run again.</summary>
public static class OrdersSchema
{
    private const string Tables = """
        CREATE TABLE IF NOT EXISTS orders (
            order_id uuid PRIMARY KEY,
            customer_id bigint NOT NULL,
            order_total numeric(18, 2) NOT NULL CHECK (order_total > 0),
            state text NOT NULL,
            rejection_reason text,
            created_at timestamptz NOT NULL DEFAULT now(),
            updated_at timestamptz NOT NULL DEFAULT now());
        CREATE INDEX IF NOT EXISTS orders_customer_id ON orders (customer_id, created_at);
        -- The first answer to each POST /orders that carried an Idempotency-Key; keys are scoped per customer.
        CREATE TABLE IF NOT EXISTS order_idempotency_keys (
            customer_id bigint NOT NULL,
            idempotency_key text NOT NULL CHECK (length(idempotency_key) BETWEEN 1 AND 255),
            request_fingerprint text NOT NULL,
            order_id uuid NOT NULL REFERENCES orders (order_id),
            response_status integer NOT NULL,
            response_location text NOT NULL,
            response_body text NOT NULL,
            created_at timestamptz NOT NULL DEFAULT now(),
            PRIMARY KEY (customer_id, idempotency_key));
        """;

    /// <summary>The service's tables with the outbox it publishes from and the processed-messages table its consumer records in.</summary>
    public static Task ApplyAsync(NpgsqlDataSource database, CancellationToken cancellationToken) =>
        MessagingSchema.ApplyAsync(database, Tables, cancellationToken);
}
