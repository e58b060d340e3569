using System.Text.Json;
using Npgsql;
using NpgsqlTypes;

namespace Store.Messaging.Postgres;

/// <summary>
/// Messages to publish, written in the same transaction as the change that causes them, so a change is never
/// committed without its messages nor its messages sent without the change. <see cref="OutboxRelay"/> sends them.
/// </summary>
public static class PostgresOutbox
{
    public const string Schema = """
        CREATE TABLE IF NOT EXISTS outbox (
            position bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
            message_id text NOT NULL,
            exchange text NOT NULL,
            routing_key text NOT NULL,
            type text NOT NULL,
            payload jsonb NOT NULL,
            trace_parent text,
            created_at timestamptz NOT NULL DEFAULT now());
        """;

    /// <returns>The message id, new for every message: consumers use it to recognise a redelivery.</returns>
    public static async Task<string> EnqueueAsync<T>(
        NpgsqlTransaction transaction, string exchange, string routingKey, T message, string? traceParent, CancellationToken cancellationToken)
    {
        var messageId = Guid.NewGuid().ToString();
        await using var command = new NpgsqlCommand(
            "INSERT INTO outbox (message_id, exchange, routing_key, type, payload, trace_parent) VALUES ($1, $2, $3, $4, $5, $6)",
            transaction.Connection, transaction);
        command.Parameters.Add(new() { Value = messageId });
        command.Parameters.Add(new() { Value = exchange });
        command.Parameters.Add(new() { Value = routingKey });
        command.Parameters.Add(new() { Value = typeof(T).Name });
        command.Parameters.Add(new() { Value = JsonSerializer.Serialize(message), NpgsqlDbType = NpgsqlDbType.Jsonb });
        command.Parameters.Add(new() { Value = (object?)traceParent ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text });
        await command.ExecuteNonQueryAsync(cancellationToken);
        return messageId;
    }
}
