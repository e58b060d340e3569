using System.Runtime.ExceptionServices;
using System.Text;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;
using Store.Messaging.RabbitMQ;

namespace Store.Messaging.Postgres;

/// <summary>
/// Publishes the outbox's messages in batches, in the order they were written, awaiting a batch's confirms together.
/// A row is deleted only once the broker has confirmed its message; while RabbitMQ or the database is away the rows
/// stay and are retried.
/// A crash between confirm and delete publishes a message twice, which idempotent consumers absorb.
/// </summary>
public sealed class OutboxRelay(NpgsqlDataSource database, MessagePublisher publisher, OutboxSignal signal, ILogger<OutboxRelay> logger)
    : BackgroundService
{
    private const int BatchSize = 100;
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(200);
    private static readonly TimeSpan RetryDelay = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan ConfirmTimeout = TimeSpan.FromSeconds(10);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var failing = false;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                while (await PublishBatchAsync(stoppingToken) == BatchSize)
                {
                }
                if (failing)
                {
                    logger.LogInformation("Outbox relay publishes again");
                    failing = false;
                }
                await signal.WaitAsync(PollInterval, stoppingToken);
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                // Logged once per outage rather than once per retry.
                if (!failing)
                {
                    logger.LogWarning("Outbox relay cannot publish ({Message}); its messages stay in the outbox and are retried", e.Message);
                    failing = true;
                }
                await Task.Delay(RetryDelay, stoppingToken);
            }
        }
    }

    /// <returns>How many rows the batch held; a full batch means more may be waiting.</returns>
    private async Task<int> PublishBatchAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var messages = await LockBatchAsync(transaction, cancellationToken);
        // Pipelined: the whole batch goes out, then its confirms are awaited together. Consumers do not rely on the
        // order of messages (one command per order; notifications keep an order's newest state by its time).
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(ConfirmTimeout);
        var failures = await Task.WhenAll(messages.Select(message => FailureOfAsync(publisher.PublishAsync(
            message.Exchange, message.RoutingKey, message.Type, Encoding.UTF8.GetBytes(message.Payload), message.MessageId, message.TraceParent, timeout.Token))));
        // What the broker confirmed leaves the outbox even when another message of the batch failed; the rest stay.
        var published = messages.Where((_, i) => failures[i] is null).Select(m => m.Position).ToList();
        if (published.Count > 0)
        {
            await DeleteAsync(transaction, published, CancellationToken.None);
            await transaction.CommitAsync(CancellationToken.None);
        }
        if (failures.FirstOrDefault(f => f is not null) is { } failure)
        {
            failure.Throw();
        }
        return messages.Count;
    }

    private static async Task<ExceptionDispatchInfo?> FailureOfAsync(Task publish)
    {
        try
        {
            await publish;
            return null;
        }
        catch (Exception e)
        {
            return ExceptionDispatchInfo.Capture(e); // thrown by the caller once the batch's confirmed rows are deleted
        }
    }

    // SKIP LOCKED lets several replicas relay side by side without sending the same row at the same time.
    private static async Task<List<OutboxMessage>> LockBatchAsync(NpgsqlTransaction transaction, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(
            $"SELECT position, message_id, exchange, routing_key, type, payload::text, trace_parent FROM outbox ORDER BY position LIMIT {BatchSize} FOR UPDATE SKIP LOCKED",
            transaction.Connection, transaction);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var messages = new List<OutboxMessage>();
        while (await reader.ReadAsync(cancellationToken))
        {
            messages.Add(new OutboxMessage(
                reader.GetInt64(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.GetString(4), reader.GetString(5),
                reader.IsDBNull(6) ? null : reader.GetString(6)));
        }
        return messages;
    }

    private static async Task DeleteAsync(NpgsqlTransaction transaction, List<long> positions, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("DELETE FROM outbox WHERE position = ANY($1)", transaction.Connection, transaction);
        command.Parameters.Add(new() { Value = positions.ToArray() });
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
