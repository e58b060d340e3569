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
            var approved = await store.PlaceOrderAsync(customerId, 7m, CancellationToken);
            var rejected = await store.PlaceOrderAsync(customerId, 7m, CancellationToken);
            Assert.Equal("PENDING", (await store.GetOrderAsync(approved, CancellationToken)).GetProperty("state").GetString());

            await store.App.ResourceCommands.StartResourceAsync("rabbitmq");
            await store.App.ResourceNotifications.WaitForResourceHealthyAsync("rabbitmq", CancellationToken);

            Assert.Equal("APPROVED", (await store.WaitUntilSettledAsync(approved, CancellationToken)).GetProperty("state").GetString());
            Assert.Equal("INSUFFICIENT_CREDIT", (await store.WaitUntilSettledAsync(rejected, CancellationToken)).GetProperty("rejectionReason").GetString());
        }
        finally
        {
            // The other tests of the collection need the broker, whatever happened here.
            await store.App.ResourceCommands.StartResourceAsync("rabbitmq");
            await store.App.ResourceNotifications.WaitForResourceHealthyAsync("rabbitmq", CancellationToken);
        }
    }
}
