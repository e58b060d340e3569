using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace Orders.Tests;

/// <summary>The orders HTTP API: its shapes, and problem details (never a 5xx) for whatever a client sends.</summary>
[Collection(nameof(StoreCollection))]
public sealed class OrdersApiTests(RunningStore store)
{
    private const string ProblemJson = "application/problem+json";

    private static CancellationToken CancellationToken => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_placed_order_is_accepted_at_once_and_can_be_read_back()
    {
        var customerId = await store.CreateCustomerAsync(50m, CancellationToken);

        using var response = await store.OrdersClient.PostAsJsonAsync("/orders", new { customerId, orderTotal = 12.34m }, CancellationToken);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var orderId = (await response.Content.ReadFromJsonAsync<JsonElement>(CancellationToken)).GetProperty("orderId").GetGuid();
        Assert.Equal($"/orders/{orderId}", response.Headers.Location?.OriginalString);
        var order = await store.OrdersClient.GetFromJsonAsync<JsonElement>(response.Headers.Location, CancellationToken);
        Assert.Equal(orderId, order.GetProperty("orderId").GetGuid());
        Assert.Equal(customerId, order.GetProperty("customerId").GetInt64());
        Assert.Equal(12.34m, order.GetProperty("orderTotal").GetDecimal());
        Assert.Contains(order.GetProperty("state").GetString(), new[] { "PENDING", "APPROVED" });
        Assert.True(order.TryGetProperty("rejectionReason", out _));
    }

    [Fact]
    public async Task A_customers_orders_are_listed_in_the_order_they_were_placed()
    {
        var customerId = await store.CreateCustomerAsync(50m, CancellationToken);
        var first = await store.PlaceOrderAsync(customerId, 1m, CancellationToken);
        var second = await store.PlaceOrderAsync(customerId, 2m, CancellationToken);

        var orders = await store.OrdersClient.GetFromJsonAsync<JsonElement[]>($"/orders?customerId={customerId}", CancellationToken);

        Assert.Equal([first, second], orders!.Select(order => order.GetProperty("orderId").GetGuid()));
        Assert.Equal([1m, 2m], orders!.Select(order => order.GetProperty("orderTotal").GetDecimal()));
        Assert.Empty((await store.OrdersClient.GetFromJsonAsync<JsonElement[]>("/orders?customerId=987654321", CancellationToken))!);
    }

    [Theory]
    [InlineData("/orders/0198f2c4-4b1e-7c3a-9d2e-000000000000")]
    [InlineData("/orders/not-an-id")]
    public async Task Unknown_order_is_a_404_problem(string path)
    {
        using var response = await store.OrdersClient.GetAsync(path, CancellationToken);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(ProblemJson, response.Content.Headers.ContentType?.MediaType);
    }

    [Theory]
    [InlineData("/orders")]
    [InlineData("/orders?customerId=")]
    [InlineData("/orders?customerId=abc")]
    [InlineData("/orders?customerId=99999999999999999999")]
    public async Task Listing_without_a_customer_id_is_a_400_problem(string path)
    {
        using var response = await store.OrdersClient.GetAsync(path, CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(ProblemJson, response.Content.Headers.ContentType?.MediaType);
    }

    [Theory]
    [InlineData("""{"orderTotal":10}""", "customerId")]
    [InlineData("""{"customerId":0,"orderTotal":10}""", "customerId")]
    [InlineData("""{"customerId":-1,"orderTotal":10}""", "customerId")]
    [InlineData("""{"customerId":1}""", "orderTotal")]
    [InlineData("""{"customerId":1,"orderTotal":0}""", "orderTotal")]
    [InlineData("""{"customerId":1,"orderTotal":-12.34}""", "orderTotal")]
    [InlineData("""{"customerId":1,"orderTotal":12.345}""", "orderTotal")]
    [InlineData("""{"customerId":1,"orderTotal":10000000000000000}""", "orderTotal")]
    public async Task Invalid_order_is_a_validation_problem(string body, string invalidField)
    {
        using var response = await PostRawAsync(body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(ProblemJson, response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(CancellationToken);
        Assert.True(problem.GetProperty("errors").TryGetProperty(invalidField, out _), problem.ToString());
    }

    [Theory]
    [InlineData("""{"customerId":1,"orderTotal":""")]
    [InlineData("""{"customerId":"1","orderTotal":10}""")]
    [InlineData("""{"customerId":1.5,"orderTotal":10}""")]
    [InlineData("""{"customerId":99999999999999999999,"orderTotal":10}""")]
    [InlineData("""{"customerId":1,"orderTotal":"10"}""")]
    [InlineData("""{"customerId":1,"orderTotal":1e400}""")]
    [InlineData("null")]
    [InlineData("")]
    public async Task Unreadable_body_is_a_400_problem(string body)
    {
        using var response = await PostRawAsync(body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(ProblemJson, response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(400, (await response.Content.ReadFromJsonAsync<JsonElement>(CancellationToken)).GetProperty("status").GetInt32());
    }

    [Fact]
    public async Task Health_is_healthy_while_the_database_answers()
    {
        using var response = await store.OrdersClient.GetAsync("/health", CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync(CancellationToken));
    }

    private Task<HttpResponseMessage> PostRawAsync(string body) =>
        store.OrdersClient.PostAsync("/orders", new StringContent(body, Encoding.UTF8, "application/json"), CancellationToken);
}
