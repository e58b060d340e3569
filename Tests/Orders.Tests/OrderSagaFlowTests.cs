using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Store.Messaging.Contracts;
using Store.Messaging.RabbitMQ;

namespace Orders.Tests;

/// <summary>Orders settled by customers over RabbitMQ, through both outboxes, against real Postgres and RabbitMQ.</summary>
[Collection(nameof(StoreCollection))]
public sealed class OrderSagaFlowTests(RunningStore store)
{
    private static CancellationToken CancellationToken => TestContext.Current.CancellationToken;

    [Fact]
    public async Task An_order_within_the_credit_limit_is_approved_and_reserves_its_total()
    {
        var customerId = await store.CreateCustomerAsync(15.00m, CancellationToken);

        var orderId = await store.PlaceOrderAsync(customerId, 12.34m, CancellationToken);

        var order = await store.WaitUntilSettledAsync(orderId, CancellationToken);
        Assert.Equal("APPROVED", order.GetProperty("state").GetString());
        Assert.Equal(JsonValueKind.Null, order.GetProperty("rejectionReason").ValueKind);
        Assert.Equal(2.66m, await store.AvailableCreditAsync(customerId, CancellationToken));
    }

    [Fact]
    public async Task An_order_over_the_credit_limit_is_rejected_for_insufficient_credit()
    {
        var customerId = await store.CreateCustomerAsync(15.00m, CancellationToken);

        var orderId = await store.PlaceOrderAsync(customerId, 123.40m, CancellationToken);

        var order = await store.WaitUntilSettledAsync(orderId, CancellationToken);
        Assert.Equal("REJECTED", order.GetProperty("state").GetString());
        Assert.Equal("INSUFFICIENT_CREDIT", order.GetProperty("rejectionReason").GetString());
        Assert.Equal(15.00m, await store.AvailableCreditAsync(customerId, CancellationToken));
    }

    [Fact]
    public async Task An_order_exactly_at_the_available_credit_is_approved()
    {
        var customerId = await store.CreateCustomerAsync(12.34m, CancellationToken);

        var order = await store.WaitUntilSettledAsync(await store.PlaceOrderAsync(customerId, 12.34m, CancellationToken), CancellationToken);

        Assert.Equal("APPROVED", order.GetProperty("state").GetString());
        Assert.Equal(0m, await store.AvailableCreditAsync(customerId, CancellationToken));
    }

    [Fact]
    public async Task An_order_of_an_unknown_customer_is_rejected_for_unknown_customer()
    {
        var orderId = await store.PlaceOrderAsync(customerId: 9_000_000_000_000, 5m, CancellationToken);

        var order = await store.WaitUntilSettledAsync(orderId, CancellationToken);
        Assert.Equal("REJECTED", order.GetProperty("state").GetString());
        Assert.Equal("UNKNOWN_CUSTOMER", order.GetProperty("rejectionReason").GetString());
    }

    [Fact]
    public async Task Concurrent_orders_that_together_exceed_the_limit_approve_exactly_those_that_fit()
    {
        var customerId = await store.CreateCustomerAsync(10m, CancellationToken);

        var orderIds = await Task.WhenAll(Enumerable.Range(0, 5).Select(_ => store.PlaceOrderAsync(customerId, 3m, CancellationToken)));

        var orders = await Task.WhenAll(orderIds.Select(id => store.WaitUntilSettledAsync(id, CancellationToken)));
        var states = orders.Select(o => $"{o.GetProperty("state").GetString()} {o.GetProperty("rejectionReason").GetString()}").Order();
        Assert.Equal(["APPROVED ", "APPROVED ", "APPROVED ", "REJECTED INSUFFICIENT_CREDIT", "REJECTED INSUFFICIENT_CREDIT"], states);
        Assert.Equal(1m, await store.AvailableCreditAsync(customerId, CancellationToken));
    }

    [Fact]
    public async Task A_redelivered_reserve_credit_reserves_once_and_a_second_request_for_the_same_order_reserves_nothing_more()
    {
        var customerId = await store.CreateCustomerAsync(10m, CancellationToken);
        var publisher = store.Customers.Services.GetRequiredService<MessagePublisher>();
        var orderId = Guid.NewGuid();
        var messageId = Guid.NewGuid().ToString();
        var marker = Guid.NewGuid().ToString();

        await PublishAsync(new ReserveCredit(customerId, orderId, 4m), messageId);
        await PublishAsync(new ReserveCredit(customerId, orderId, 4m), messageId);
        await PublishAsync(new ReserveCredit(customerId, orderId, 4m), Guid.NewGuid().ToString());
        // Handled after the three above (one queue, one consumer): once it counts, they have been handled.
        await PublishAsync(new ReserveCredit(customerId, Guid.NewGuid(), 1m), marker);

        await store.WaitUntilProcessedByCustomersAsync(marker, CancellationToken);
        Assert.Equal(5m, await store.AvailableCreditAsync(customerId, CancellationToken));

        Task PublishAsync(ReserveCredit command, string id) => publisher.PublishAsync(
            Exchanges.CustomersCommands.Name, nameof(ReserveCredit), command, id, traceParent: null, CancellationToken);
    }

    [Fact]
    public async Task Every_state_change_is_announced_on_the_order_events_exchange()
    {
        await using var events = await OrderEventsRecorder.StartAsync(store.RabbitMqConnectionString, CancellationToken);
        var customerId = await store.CreateCustomerAsync(100m, CancellationToken);

        var approved = await store.PlaceOrderAsync(customerId, 60m, CancellationToken);
        await store.WaitUntilSettledAsync(approved, CancellationToken);
        var rejected = await store.PlaceOrderAsync(customerId, 60m, CancellationToken);
        await store.WaitUntilSettledAsync(rejected, CancellationToken);

        var announced = await events.WaitForAsync(received => received.Count(e => e.CustomerId == customerId) >= 4, CancellationToken);
        Assert.Equal(
            [$"{approved} PENDING ", $"{approved} APPROVED ", $"{rejected} PENDING ", $"{rejected} REJECTED INSUFFICIENT_CREDIT"],
            announced.Where(e => e.CustomerId == customerId).Select(e => $"{e.OrderId} {e.State} {e.RejectionReason}"));
    }
}
