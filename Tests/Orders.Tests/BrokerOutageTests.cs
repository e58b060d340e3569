namespace Orders.Tests;

/// <summary>Orders taken while RabbitMQ is down wait in the outbox, and the saga completes once it is back.</summary>
[Collection(nameof(StoreCollection))]
public sealed class BrokerOutageTests(RunningStore store)
{
    private static CancellationToken CancellationToken => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Orders_placed_while_the_broker_is_down_are_settled_once_it_is_back()
    {
        var customerId = await store.CreateCustomerAsync(10m, CancellationToken);
        await store.App.ResourceCommands.StopResourceAsync("rabbitmq");
        try
        {
            var first = await store.PlaceOrderAsync(customerId, 7m, CancellationToken);
            var second = await store.PlaceOrderAsync(customerId, 7m, CancellationToken);
            Assert.Equal("PENDING", (await store.GetOrderAsync(first, CancellationToken)).GetProperty("state").GetString());

            await store.App.ResourceCommands.StartResourceAsync("rabbitmq");
            await store.App.ResourceNotifications.WaitForResourceHealthyAsync("rabbitmq", CancellationToken);

            // Both settle, and the credit of 10 covers one of them: either, as two relays and two consumers share the
            // backlog, so nothing orders them.
            var settled = new[] { await store.WaitUntilSettledAsync(first, CancellationToken), await store.WaitUntilSettledAsync(second, CancellationToken) };
            Assert.Equal(["APPROVED", "REJECTED"], settled.Select(o => o.GetProperty("state").GetString()).Order());
            Assert.Equal("INSUFFICIENT_CREDIT", settled.Single(o => o.GetProperty("state").GetString() == "REJECTED").GetProperty("rejectionReason").GetString());
        }
        finally
        {
            // The other tests of the collection need the broker, whatever happened here.
            await store.App.ResourceCommands.StartResourceAsync("rabbitmq");
            await store.App.ResourceNotifications.WaitForResourceHealthyAsync("rabbitmq", CancellationToken);
        }
    }
}
