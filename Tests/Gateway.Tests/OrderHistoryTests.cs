using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace Gateway.Tests;

public sealed class OrderHistoryTests
{
    private const int BreakerThreshold = 3;

    // Short enough to keep the test fast; the breaker needs a sampling window of at least twice the attempt timeout.
    private static readonly Dictionary<string, string?> FastBreaker = new()
    {
        ["Resilience:Orders:CircuitBreaker:MinimumThroughput"] = BreakerThreshold.ToString(),
        ["Resilience:Orders:CircuitBreaker:SamplingDuration"] = "00:00:30",
        ["Resilience:Orders:CircuitBreaker:BreakDuration"] = "00:00:01",
        ["Resilience:Orders:Retry:Delay"] = "00:00:00.010",
    };

    private static readonly object[] Orders =
    [
        new { orderId = 10, customerId = 1, total = 12.5m },
        new { orderId = 11, customerId = 1, total = 3m },
    ];

    private static CancellationToken CancellationToken => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Composes_the_customer_with_their_orders()
    {
        await using var customers = await FakeService.StartAsync(Customer, CancellationToken);
        await using var orders = await FakeService.StartAsync(OrdersOfCustomer, CancellationToken);
        await using var gateway = new GatewayFactory(Pointing(customers, orders));
        var client = await gateway.CreateAuthenticatedClientAsync();

        var history = await client.GetFromJsonAsync<JsonElement>("/api/customers/1/order-history", CancellationToken);

        Assert.Equal(1, history.GetProperty("customer").GetProperty("customerId").GetInt32());
        Assert.Equal("Ada", history.GetProperty("customer").GetProperty("name").GetString());
        Assert.Equal([10, 11], history.GetProperty("orders").EnumerateArray().Select(order => order.GetProperty("orderId").GetInt32()));
        Assert.Equal(12.5m, history.GetProperty("orders")[0].GetProperty("total").GetDecimal());
    }

    [Fact]
    public async Task Unknown_customer_is_a_404_problem_without_asking_orders()
    {
        await using var customers = await FakeService.StartAsync(FakeService.Status(StatusCodes.Status404NotFound), CancellationToken);
        await using var orders = await FakeService.StartAsync(OrdersOfCustomer, CancellationToken);
        await using var gateway = new GatewayFactory(Pointing(customers, orders));
        var client = await gateway.CreateAuthenticatedClientAsync();

        using var response = await client.GetAsync("/api/customers/404/order-history", CancellationToken);

        await AssertProblemAsync(response, HttpStatusCode.NotFound);
        Assert.Equal(0, orders.Requests);
    }

    [Fact]
    public async Task Failing_orders_opens_the_breaker_so_orders_is_left_alone_until_it_recovers()
    {
        await using var customers = await FakeService.StartAsync(Customer, CancellationToken);
        await using var orders = await FakeService.StartAsync(FakeService.Status(StatusCodes.Status500InternalServerError), CancellationToken);
        await using var gateway = new GatewayFactory(Pointing(customers, orders), FastBreaker);
        var client = await gateway.CreateAuthenticatedClientAsync();

        var whileFailing = await CallUntilBreakerOpensAsync(client);
        var callsWhenOpened = orders.Requests;
        var whileOpen = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            using var response = await client.GetAsync("/api/customers/1/order-history", CancellationToken);
            whileOpen.Add((await AssertProblemAsync(response, HttpStatusCode.ServiceUnavailable)).GetProperty("detail").GetString()!);
        }

        Assert.All(whileFailing, detail => Assert.Contains("orders", detail));
        Assert.Equal(BreakerThreshold, callsWhenOpened);
        Assert.Equal(callsWhenOpened, orders.Requests);
        Assert.All(whileOpen, detail => Assert.Contains("paused", detail));

        orders.Answer(OrdersOfCustomer);
        var recovered = await PollAsync(client, HttpStatusCode.OK);

        Assert.Equal(HttpStatusCode.OK, recovered.StatusCode);
        var history = await recovered.Content.ReadFromJsonAsync<JsonElement>(CancellationToken);
        Assert.Equal(2, history.GetProperty("orders").GetArrayLength());
    }

    [Fact]
    public async Task Orders_being_down_is_a_503_problem_and_opens_the_breaker()
    {
        await using var customers = await FakeService.StartAsync(Customer, CancellationToken);
        var orders = await FakeService.StartAsync(OrdersOfCustomer, CancellationToken);
        var discovery = Pointing(customers, orders);
        await orders.DisposeAsync();
        await using var gateway = new GatewayFactory(discovery, FastBreaker);
        var client = await gateway.CreateAuthenticatedClientAsync();

        var whileDown = await CallUntilBreakerOpensAsync(client);

        Assert.All(whileDown, detail => Assert.Contains("orders", detail));
    }

    /// <returns>The problem details of each call, the last being the first answered by the open breaker.</returns>
    private static async Task<List<string>> CallUntilBreakerOpensAsync(HttpClient client)
    {
        var details = new List<string>();
        for (var calls = 0; calls < 10 && !details.LastOrDefault("").Contains("paused"); calls++)
        {
            using var response = await client.GetAsync("/api/customers/1/order-history", CancellationToken);
            details.Add((await AssertProblemAsync(response, HttpStatusCode.ServiceUnavailable)).GetProperty("detail").GetString()!);
        }

        Assert.Contains("paused", details.Last());
        return details;
    }

    // The breaker lets a trial call through only once its break has passed.
    private static async Task<HttpResponseMessage> PollAsync(HttpClient client, HttpStatusCode wanted)
    {
        for (var tries = 0; ; tries++)
        {
            var response = await client.GetAsync("/api/customers/1/order-history", CancellationToken);
            if (response.StatusCode == wanted || tries == 100)
            {
                return response;
            }

            response.Dispose();
            await Task.Delay(TimeSpan.FromMilliseconds(100), CancellationToken);
        }
    }

    private static async Task<JsonElement> AssertProblemAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(CancellationToken);
        Assert.Equal((int)status, problem.GetProperty("status").GetInt32());
        return problem;
    }

    private static Task Customer(HttpContext context) =>
        context.Request.Path == "/customers/1"
            ? context.Response.WriteAsJsonAsync(new { customerId = 1, name = "Ada", creditLimit = 100m }, context.RequestAborted)
            : FakeService.Status(StatusCodes.Status404NotFound)(context);

    private static Task OrdersOfCustomer(HttpContext context) =>
        context.Request.Path == "/orders" && context.Request.Query["customerId"] == "1"
            ? context.Response.WriteAsJsonAsync(Orders, context.RequestAborted)
            : FakeService.Status(StatusCodes.Status400BadRequest)(context);

    private static MovableServiceConfiguration Pointing(FakeService customers, FakeService orders)
    {
        var discovery = new MovableServiceConfiguration();
        discovery.Point("customers", customers.Address);
        discovery.Point("orders", orders.Address);
        return discovery;
    }
}
