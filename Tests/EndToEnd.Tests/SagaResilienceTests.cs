using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Parity.Hosting.Orchestration;
using Parity.Testing;

namespace EndToEnd.Tests;

/// <summary>Nothing is lost: orders placed while a participant or the broker is down complete once it is back.</summary>
[Collection(nameof(StoreCollection))]
public sealed class SagaResilienceTests(StoreTopology store)
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task AnOrderPlacedWhileCustomersIsStoppedCompletesAfterItStartsAgain()
    {
        var customerId = await CreateCustomerAsync(100m);
        await store.App.ResourceCommands.StopResourceAsync("customers");
        try
        {
            var orderId = await PlaceOrderAsync(customerId, 40m);
            await Task.Delay(TimeSpan.FromSeconds(2), Token);
            Assert.Equal("PENDING", await StateOfAsync(orderId));

            await store.App.ResourceCommands.StartResourceAsync("customers");
            Assert.Equal("APPROVED", await SettledStateOfAsync(orderId));
        }
        finally
        {
            await store.App.ResourceCommands.StartResourceAsync("customers");
        }
    }

    [Fact]
    public async Task AnOrderPlacedWhileRabbitMQIsStoppedCompletesAfterItStartsAgain()
    {
        var customerId = await CreateCustomerAsync(100m);
        await store.App.ResourceCommands.StopResourceAsync("rabbitmq");
        try
        {
            var orderId = await PlaceOrderAsync(customerId, 200m);
            await Task.Delay(TimeSpan.FromSeconds(2), Token);
            Assert.Equal("PENDING", await StateOfAsync(orderId));

            await store.App.ResourceCommands.StartResourceAsync("rabbitmq");
            await store.App.ResourceNotifications.WaitForResourceHealthyAsync("rabbitmq", Token);
            Assert.Equal("REJECTED", await SettledStateOfAsync(orderId));
        }
        finally
        {
            await store.App.ResourceCommands.StartResourceAsync("rabbitmq");
        }
    }

    private async Task<long> CreateCustomerAsync(decimal creditLimit)
    {
        await store.App.ResourceNotifications.WaitForResourceHealthyAsync("customers", Token);
        using var customers = store.App.CreateHttpClient("customers");
        using var response = await customers.PostAsJsonAsync("/customers", new { name = "Grace", creditLimit }, Token);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>(Token)).GetProperty("customerId").GetInt64();
    }

    private async Task<Guid> PlaceOrderAsync(long customerId, decimal orderTotal)
    {
        using var orders = store.App.CreateHttpClient("orders");
        using var response = await orders.PostAsJsonAsync("/orders", new { customerId, orderTotal }, Token);
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>(Token)).GetProperty("orderId").GetGuid();
    }

    private async Task<string> StateOfAsync(Guid orderId)
    {
        using var orders = store.App.CreateHttpClient("orders");
        return (await orders.GetFromJsonAsync<JsonElement>($"/orders/{orderId}", Token)).GetProperty("state").GetString()!;
    }

    private async Task<string> SettledStateOfAsync(Guid orderId)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(Token);
        timeout.CancelAfter(TimeSpan.FromSeconds(90));
        while (await StateOfAsync(orderId) is var state && state == "PENDING")
        {
            await Task.Delay(200, timeout.Token);
        }
        return await StateOfAsync(orderId);
    }
}
