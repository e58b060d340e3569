using Npgsql;
using Store.Messaging.Contracts;
using Store.Messaging.Postgres;

namespace Orders;

/// <summary>
/// Orders and their saga state in their own database (<c>ConnectionStrings__ordersdb</c>). Every change commits
/// together with the messages it causes (into the outbox), so neither goes without the other.
/// </summary>
public sealed class PostgresOrderStore(NpgsqlDataSource database, OutboxSignal outbox)
{
    private const string OrderColumns = "order_id, customer_id, order_total, state, rejection_reason";

    /// <summary>Records a PENDING order, announces it, and asks customers to reserve its credit.</summary>
    public async Task<Order> CreateAsync(long customerId, decimal orderTotal, string? traceParent, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var order = await InsertOrderAsync(transaction, customerId, orderTotal, traceParent, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        outbox.Notify();
        return order;
    }

    /// <summary>
    /// Creates the order unless this customer already sent <paramref name="key"/>: the order and the answer to it
    /// commit together, so a repeat gets the first answer (null when the repeat is of a different request).
    /// </summary>
    public async Task<StoredOrderAnswer?> CreateOnceAsync(
        CreateOrderRequest request, IdempotencyKey key, string? traceParent, CancellationToken cancellationToken)
    {
        var customerId = request.CustomerId!.Value;
        var fingerprint = request.Fingerprint();
        // A second attempt only follows a concurrent request with the same key, whose answer is then committed.
        for (var attempt = 0; ; attempt++)
        {
            if (await FindAnswerAsync(customerId, key, cancellationToken) is { } stored)
            {
                return stored.Fingerprint == fingerprint ? stored.Answer with { Replayed = true } : null;
            }
            if (attempt > 0)
            {
                throw new InvalidOperationException($"Idempotency key '{key.Value}' of customer {customerId} conflicted but has no answer.");
            }

            await using var connection = await database.OpenConnectionAsync(cancellationToken);
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
            var order = await InsertOrderAsync(transaction, customerId, request.OrderTotal!.Value, traceParent, cancellationToken);
            var answer = StoredOrderAnswer.Accepted(order.OrderId);
            // Waits for a concurrent transaction holding the same key, then inserts nothing if that one committed.
            await using var remember = new NpgsqlCommand(
                """
                INSERT INTO order_idempotency_keys (customer_id, idempotency_key, request_fingerprint, order_id, response_status, response_location, response_body)
                VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT DO NOTHING
                """, connection, transaction);
            foreach (var value in new object[] { customerId, key.Value, fingerprint, order.OrderId, answer.StatusCode, answer.Location, answer.Body })
            {
                remember.Parameters.Add(new() { Value = value });
            }
            if (await remember.ExecuteNonQueryAsync(cancellationToken) == 1)
            {
                await transaction.CommitAsync(cancellationToken);
                outbox.Notify();
                return answer;
            }
            await transaction.RollbackAsync(cancellationToken);
        }
    }

    public async Task<Order?> FindAsync(Guid orderId, CancellationToken cancellationToken)
    {
        await using var command = database.CreateCommand($"SELECT {OrderColumns} FROM orders WHERE order_id = $1");
        command.Parameters.Add(new() { Value = orderId });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? ReadOrder(reader) : null;
    }

    public async Task<IReadOnlyList<Order>> ListByCustomerAsync(long customerId, CancellationToken cancellationToken)
    {
        await using var command = database.CreateCommand($"SELECT {OrderColumns} FROM orders WHERE customer_id = $1 ORDER BY created_at, order_id");
        command.Parameters.Add(new() { Value = customerId });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var orders = new List<Order>();
        while (await reader.ReadAsync(cancellationToken))
        {
            orders.Add(ReadOrder(reader));
        }
        return orders;
    }

    /// <summary>Moves the order on by customers' reply, once per message id.</summary>
    /// <returns>The order's new status, or null when the reply changed nothing (handled before, unknown order, order settled).</returns>
    public async Task<OrderStatus?> ApplyCreditReplyAsync(string messageId, CreditReply reply, string? traceParent, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        if (!await ProcessedMessages.TryRecordAsync(transaction, messageId, cancellationToken))
        {
            return null;
        }

        var order = await LockOrderAsync(transaction, reply.OrderId, cancellationToken);
        var next = order is null ? null : OrderSaga.OnCreditReply(new OrderStatus(order.State, order.RejectionReason), reply.Outcome);
        if (order is not null && next is not null)
        {
            await using var update = new NpgsqlCommand(
                "UPDATE orders SET state = $2, rejection_reason = $3, updated_at = now() WHERE order_id = $1", connection, transaction);
            update.Parameters.Add(new() { Value = order.OrderId });
            update.Parameters.Add(new() { Value = next.State });
            update.Parameters.Add(new() { Value = (object?)next.RejectionReason ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Text });
            await update.ExecuteNonQueryAsync(cancellationToken);
            await EnqueueStateChangedAsync(transaction, order, next, traceParent, cancellationToken);
        }
        await transaction.CommitAsync(cancellationToken);
        if (next is not null)
        {
            outbox.Notify();
        }
        return next;
    }

    private static async Task<Order> InsertOrderAsync(
        NpgsqlTransaction transaction, long customerId, decimal orderTotal, string? traceParent, CancellationToken cancellationToken)
    {
        var status = OrderSaga.Started;
        // Version 7: time-ordered, so new orders append to the primary key's index.
        var order = new Order(Guid.CreateVersion7(), customerId, orderTotal, status.State, status.RejectionReason);
        await using (var insert = new NpgsqlCommand(
            "INSERT INTO orders (order_id, customer_id, order_total, state) VALUES ($1, $2, $3, $4)", transaction.Connection, transaction))
        {
            insert.Parameters.Add(new() { Value = order.OrderId });
            insert.Parameters.Add(new() { Value = customerId });
            insert.Parameters.Add(new() { Value = orderTotal });
            insert.Parameters.Add(new() { Value = order.State });
            await insert.ExecuteNonQueryAsync(cancellationToken);
        }
        await EnqueueStateChangedAsync(transaction, order, status, traceParent, cancellationToken);
        await PostgresOutbox.EnqueueAsync(
            transaction, Exchanges.CustomersCommands.Name, nameof(ReserveCredit), new ReserveCredit(customerId, order.OrderId, orderTotal), traceParent, cancellationToken);
        return order;
    }

    private async Task<(string Fingerprint, StoredOrderAnswer Answer)?> FindAnswerAsync(
        long customerId, IdempotencyKey key, CancellationToken cancellationToken)
    {
        await using var command = database.CreateCommand(
            """
            SELECT request_fingerprint, response_status, response_location, response_body
            FROM order_idempotency_keys WHERE customer_id = $1 AND idempotency_key = $2
            """);
        command.Parameters.Add(new() { Value = customerId });
        command.Parameters.Add(new() { Value = key.Value });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken)
            ? (reader.GetString(0), new StoredOrderAnswer(reader.GetInt32(1), reader.GetString(2), reader.GetString(3)))
            : null;
    }

    private static async Task<Order?> LockOrderAsync(NpgsqlTransaction transaction, Guid orderId, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(
            $"SELECT {OrderColumns} FROM orders WHERE order_id = $1 FOR UPDATE", transaction.Connection, transaction);
        command.Parameters.Add(new() { Value = orderId });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? ReadOrder(reader) : null;
    }

    private static Task EnqueueStateChangedAsync(
        NpgsqlTransaction transaction, Order order, OrderStatus status, string? traceParent, CancellationToken cancellationToken) =>
        PostgresOutbox.EnqueueAsync(
            transaction,
            Exchanges.OrderEvents.Name,
            routingKey: "",
            new OrderStateChanged(order.OrderId, order.CustomerId, status.State, status.RejectionReason, DateTimeOffset.UtcNow),
            traceParent,
            cancellationToken);

    private static Order ReadOrder(NpgsqlDataReader reader) => new(
        reader.GetGuid(0), reader.GetInt64(1), reader.GetDecimal(2), reader.GetString(3), reader.IsDBNull(4) ? null : reader.GetString(4));
}
