using Npgsql;

namespace Catalog;

/// <summary>
/// The catalog's tables. Applied by a run-once resource (<c>Catalog migrate</c>) before the service starts, so
/// replicas never race to change the schema and a failed migration stops the rollout instead of a request.
/// </summary>
public static class CatalogSchema
{
    // Every statement is idempotent: the migration runs on every deployment. The lock serialises two
    // migrations started at once, which IF NOT EXISTS alone does not.
    private const string Statements = """
        SELECT pg_advisory_xact_lock(hashtext('catalog-schema'));
        CREATE TABLE IF NOT EXISTS products (
            product_id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
            name text NOT NULL,
            description text NOT NULL DEFAULT '',
            price numeric(12, 2) NOT NULL CHECK (price >= 0));
        ALTER TABLE products ADD COLUMN IF NOT EXISTS image_content_type text;
        """;

    public static async Task ApplyAsync(NpgsqlDataSource database, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using (var command = new NpgsqlCommand(Statements, connection, transaction))
        {
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
        await transaction.CommitAsync(cancellationToken);
    }
}
