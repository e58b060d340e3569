using Npgsql;

namespace Store.Messaging.Postgres;

/// <summary>
/// Ids of the messages a service has handled, recorded in the same transaction as the handler's effect:
/// a redelivered message (a crash before the ack, a duplicate publish) then changes nothing.
/// </summary>
public static class ProcessedMessages
{
    public const string Schema = """
        CREATE TABLE IF NOT EXISTS processed_messages (
            message_id text PRIMARY KEY,
            processed_at timestamptz NOT NULL DEFAULT now());
        """;

    /// <returns>False when the message was handled before: the caller rolls back and acknowledges it.</returns>
    /// <remarks>A concurrent delivery of the same message waits here for the first one's transaction to end.</remarks>
    public static async Task<bool> TryRecordAsync(NpgsqlTransaction transaction, string messageId, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(
            "INSERT INTO processed_messages (message_id) VALUES ($1) ON CONFLICT (message_id) DO NOTHING",
            transaction.Connection, transaction);
        command.Parameters.Add(new() { Value = messageId });
        return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
    }
}
