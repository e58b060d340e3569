using Npgsql;

namespace Store.Messaging.Postgres;

/// <summary>
/// Applies a service's tables together with the <see cref="PostgresOutbox"/> and <see cref="ProcessedMessages"/>
/// tables, in one transaction, so a service that sends and receives through them never runs without them.
/// </summary>
public static class MessagingSchema
{
    public static async Task ApplyAsync(NpgsqlDataSource database, string serviceTables, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        // Two migrations started together (replicas, a retried job) would race on CREATE ... IF NOT EXISTS.
        await using var command = new NpgsqlCommand(
            $"SELECT pg_advisory_xact_lock(hashtext('schema')); {serviceTables} {ProcessedMessages.Schema} {PostgresOutbox.Schema}",
            connection, transaction);
        await command.ExecuteNonQueryAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }
}
