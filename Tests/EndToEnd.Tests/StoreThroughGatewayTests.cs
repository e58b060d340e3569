using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Parity.Testing;

namespace EndToEnd.Tests;

/// <summary>The store as its users see it: every call through the gateway, against the running topology.</summary>
[Collection(nameof(StoreCollection))]
public sealed class StoreThroughGatewayTests(StoreTopology store)
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData(15.00, 12.34, "APPROVED", null)]
    [InlineData(15.00, 123.40, "REJECTED", "INSUFFICIENT_CREDIT")]
    public async Task TheSagaApprovesWhatFitsTheCreditLimitAndRejectsWhatDoesNot(decimal creditLimit, decimal orderTotal, string state, string? reason)
    {
        using var gateway = await GatewayAsync();
        var customerId = await CreateCustomerAsync(gateway, creditLimit);

        var order = await SettledOrderAsync(gateway, await PlaceOrderAsync(gateway, customerId, orderTotal));

        Assert.Equal(state, order.GetProperty("state").GetString());
        Assert.Equal(reason, order.GetProperty("rejectionReason").GetString());
    }

    [Fact]
    public async Task AnOrderForAnUnknownCustomerIsRejected()
    {
        using var gateway = await GatewayAsync();
        var order = await SettledOrderAsync(gateway, await PlaceOrderAsync(gateway, 987_654_321, 1m));
        Assert.Equal(("REJECTED", "UNKNOWN_CUSTOMER"), (order.GetProperty("state").GetString(), order.GetProperty("rejectionReason").GetString()));
    }

    [Fact]
    public async Task OfOrdersThatTogetherExceedTheLimitExactlyThoseThatFitAreApproved()
    {
        using var gateway = await GatewayAsync();
        var customerId = await CreateCustomerAsync(gateway, 10m);

        var orderIds = await Task.WhenAll(Enumerable.Range(0, 5).Select(_ => PlaceOrderAsync(gateway, customerId, 3m)));
        var states = await Task.WhenAll(orderIds.Select(async id => (await SettledOrderAsync(gateway, id)).GetProperty("state").GetString()));

        Assert.Equal(3, states.Count(s => s == "APPROVED"));
        Assert.Equal(2, states.Count(s => s == "REJECTED"));
    }

    [Fact]
    public async Task WithoutATokenTheGatewayAnswers401()
    {
        using var anonymous = store.App.CreateHttpClient("gateway");
        using var response = await anonymous.GetAsync("/api/customers/1", Token);
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task OrderHistoryFailsFastWhileOrdersIsDownAndRecoversAfterwards()
    {
        using var gateway = await GatewayAsync();
        var customerId = await CreateCustomerAsync(gateway, 50m);
        await SettledOrderAsync(gateway, await PlaceOrderAsync(gateway, customerId, 5m));
        Assert.Equal(HttpStatusCode.OK, (await gateway.GetAsync($"/api/customers/{customerId}/order-history", Token)).StatusCode);

        await store.App.ResourceCommands.StopResourceAsync("orders");
        try
        {
            for (var i = 0; i < 8; i++)
            {
                using var failed = await gateway.GetAsync($"/api/customers/{customerId}/order-history", Token);
                Assert.Equal(HttpStatusCode.ServiceUnavailable, failed.StatusCode);
                Assert.Equal("application/problem+json", failed.Content.Headers.ContentType?.MediaType);
            }
        }
        finally
        {
            await store.App.ResourceCommands.StartResourceAsync("orders");
        }
        await store.App.ResourceNotifications.WaitForResourceHealthyAsync("orders", Token);

        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(Token);
        deadline.CancelAfter(TimeSpan.FromSeconds(60));
        HttpResponseMessage history;
        while ((history = await gateway.GetAsync($"/api/customers/{customerId}/order-history", deadline.Token)).StatusCode != HttpStatusCode.OK)
        {
            await Task.Delay(500, deadline.Token); // the breaker stays open for its break duration
        }
        var body = await history.Content.ReadFromJsonAsync<JsonElement>(Token);
        Assert.Equal(1, body.GetProperty("orders").GetArrayLength());
    }

    [Fact]
    public async Task AProductImageGoesToObjectStorageAndComesBack()
    {
        using var gateway = await GatewayAsync();
        using var created = await gateway.PostAsJsonAsync("/api/products", new { name = "Teapot", description = "Short and stout", price = 12.5m }, Token);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var productId = (await created.Content.ReadFromJsonAsync<JsonElement>(Token)).GetProperty("productId").GetInt64();
        var image = Enumerable.Range(0, 70_000).Select(i => (byte)(i * 7)).ToArray();

        using var upload = new ByteArrayContent(image);
        upload.Headers.ContentType = new MediaTypeHeaderValue("image/png");
        Assert.True((await gateway.PutAsync($"/api/products/{productId}/image", upload, Token)).IsSuccessStatusCode);

        using var downloaded = await gateway.GetAsync($"/api/products/{productId}/image", Token);
        Assert.Equal("image/png", downloaded.Content.Headers.ContentType?.MediaType);
        Assert.Equal(image, await downloaded.Content.ReadAsByteArrayAsync(Token));
    }

    [Fact]
    public async Task TheJavaScriptRecommendationsServiceCountsTheSagasOutcomesAndRefusesBadIds()
    {
        using var gateway = await GatewayAsync();
        var customerId = await CreateCustomerAsync(gateway, 10m);
        Assert.Equal("APPROVED", (await SettledOrderAsync(gateway, await PlaceOrderAsync(gateway, customerId, 4m))).GetProperty("state").GetString());
        Assert.Equal("REJECTED", (await SettledOrderAsync(gateway, await PlaceOrderAsync(gateway, customerId, 40m))).GetProperty("state").GetString());

        // The order events reach it over RabbitMQ, so its counters catch up shortly after the saga settles.
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(Token);
        deadline.CancelAfter(TimeSpan.FromSeconds(60));
        JsonElement recommendations;
        do
        {
            await Task.Delay(100, deadline.Token);
            recommendations = await gateway.GetFromJsonAsync<JsonElement>($"/api/recommendations/{customerId}", deadline.Token);
        }
        while (recommendations.GetProperty("orders").GetProperty("rejected").GetInt32() < 1
            || recommendations.GetProperty("orders").GetProperty("approved").GetInt32() < 1);

        Assert.Equal((2, 1, 1), (recommendations.GetProperty("orders").GetProperty("placed").GetInt32(),
            recommendations.GetProperty("orders").GetProperty("approved").GetInt32(), recommendations.GetProperty("orders").GetProperty("rejected").GetInt32()));
        Assert.Equal(6m, recommendations.GetProperty("availableCredit").GetDecimal()); // asked of customers: 10 less the approved 4
        var kinds = recommendations.GetProperty("recommendations").EnumerateArray().Select(r => r.GetProperty("kind").GetString());
        Assert.Equal(["raise-credit-limit", "order-within-credit", "reorder"], kinds);

        using var malformed = await gateway.GetAsync("/api/recommendations/-3", Token);
        Assert.Equal(HttpStatusCode.BadRequest, malformed.StatusCode);
        Assert.Equal("application/problem+json", malformed.Content.Headers.ContentType?.MediaType);
        using var unknown = await gateway.GetAsync("/api/recommendations/987654321", Token);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }

    private async Task<HttpClient> GatewayAsync() => await GatewayClient.SignInAsync(store.App.CreateHttpClient("gateway"), Token);

    private static async Task<long> CreateCustomerAsync(HttpClient gateway, decimal creditLimit)
    {
        using var response = await gateway.PostAsJsonAsync("/api/customers", new { name = "Ada", creditLimit }, Token);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>(Token)).GetProperty("customerId").GetInt64();
    }

    private static async Task<Guid> PlaceOrderAsync(HttpClient gateway, long customerId, decimal orderTotal)
    {
        using var response = await gateway.PostAsJsonAsync("/api/orders", new { customerId, orderTotal }, Token);
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>(Token)).GetProperty("orderId").GetGuid();
    }

    private static async Task<JsonElement> SettledOrderAsync(HttpClient gateway, Guid orderId)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(Token);
        deadline.CancelAfter(TimeSpan.FromSeconds(60));
        while (true)
        {
            var order = await gateway.GetFromJsonAsync<JsonElement>($"/api/orders/{orderId}", deadline.Token);
            if (order.GetProperty("state").GetString() != "PENDING")
            {
                return order;
            }
            await Task.Delay(100, deadline.Token);
        }
    }
}
