using Npgsql;
using Store.Messaging.Contracts;
using Store.Messaging.Postgres;

namespace Customers;

/// <summary>
/// Credit reserved for orders, one reservation per order. A request is decided, recorded as processed and answered
/// (through the outbox) in one transaction, so a redelivery or a crash after the commit changes nothing.
/// </summary>
public sealed class PostgresCreditReservations(NpgsqlDataSource database, OutboxSignal outbox)
{
    /// <returns>The reply, or null when this message was handled before.</returns>
    public async Task<CreditReply?> ReserveAsync(string messageId, ReserveCredit request, string? traceParent, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        if (!await ProcessedMessages.TryRecordAsync(transaction, messageId, cancellationToken))
        {
            return null;
        }

        var availableCredit = await LockAvailableCreditAsync(transaction, request.CustomerId, cancellationToken);
        var outcome = availableCredit is not null && await ReservedBeforeAsync(transaction, request.OrderId, cancellationToken)
            ? CreditOutcome.CreditReserved
            : CreditDecision.Decide(availableCredit, request.OrderTotal);
        if (outcome == CreditOutcome.CreditReserved)
        {
            await InsertReservationAsync(transaction, request, cancellationToken);
        }

        var reply = new CreditReply(request.CustomerId, request.OrderId, outcome);
        await PostgresOutbox.EnqueueAsync(transaction, Exchanges.OrdersReplies.Name, nameof(CreditReply), reply, traceParent, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        outbox.Notify();
        return reply;
    }

    private static async Task<bool> ReservedBeforeAsync(NpgsqlTransaction transaction, Guid orderId, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("SELECT EXISTS (SELECT FROM credit_reservations WHERE order_id = $1)", transaction.Connection, transaction);
        command.Parameters.Add(new() { Value = orderId });
        return (bool)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    /// <summary>
    /// Locks the customer's row until the transaction ends, so two reservations for one customer are decided one
    /// after the other; the sum is read after the lock is granted and so includes what the other one reserved.
    /// </summary>
    /// <returns>Null when there is no such customer.</returns>
    private static async Task<decimal?> LockAvailableCreditAsync(NpgsqlTransaction transaction, long customerId, CancellationToken cancellationToken)
    {
        await using var lockCustomer = new NpgsqlCommand("SELECT credit_limit FROM customers WHERE customer_id = $1 FOR UPDATE", transaction.Connection, transaction);
        lockCustomer.Parameters.Add(new() { Value = customerId });
        if (await lockCustomer.ExecuteScalarAsync(cancellationToken) is not decimal creditLimit)
        {
            return null;
        }

        await using var reserved = new NpgsqlCommand("SELECT COALESCE(sum(amount), 0) FROM credit_reservations WHERE customer_id = $1", transaction.Connection, transaction);
        reserved.Parameters.Add(new() { Value = customerId });
        return creditLimit - (decimal)(await reserved.ExecuteScalarAsync(cancellationToken))!;
    }

    private static async Task InsertReservationAsync(NpgsqlTransaction transaction, ReserveCredit request, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(
            "INSERT INTO credit_reservations (order_id, customer_id, amount) VALUES ($1, $2, $3) ON CONFLICT (order_id) DO NOTHING",
            transaction.Connection, transaction);
        command.Parameters.Add(new() { Value = request.OrderId });
        command.Parameters.Add(new() { Value = request.CustomerId });
        command.Parameters.Add(new() { Value = request.OrderTotal });
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
