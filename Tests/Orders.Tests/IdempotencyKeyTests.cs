using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.Primitives;

namespace Orders.Tests;

/// <summary>POST /orders with an Idempotency-Key: a repeat returns the first answer and places nothing new.</summary>
[Collection(nameof(StoreCollection))]
public sealed class IdempotencyKeyTests(RunningStore store)
{
    private const string ProblemJson = "application/problem+json";

    private static CancellationToken CancellationToken => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_repeated_request_gets_the_first_answer_and_places_one_order()
    {
        var customerId = await store.CreateCustomerAsync(50m, CancellationToken);
        var key = NewKey();

        using var first = await PostAsync(customerId, 20m, key);
        using var repeat = await PostAsync(customerId, 20.00m, key);

        Assert.Equal(HttpStatusCode.Accepted, first.StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, repeat.StatusCode);
        Assert.Equal(first.Headers.Location, repeat.Headers.Location);
        Assert.Equal(await first.Content.ReadAsStringAsync(CancellationToken), await repeat.Content.ReadAsStringAsync(CancellationToken));
        Assert.False(first.Headers.Contains("Idempotent-Replayed"));
        Assert.Equal(["true"], repeat.Headers.GetValues("Idempotent-Replayed"));
        var orderId = (await first.Content.ReadFromJsonAsync<JsonElement>(CancellationToken)).GetProperty("orderId").GetGuid();
        Assert.Equal($"/orders/{orderId}", first.Headers.Location?.OriginalString);
        Assert.Equal([orderId], await OrderIdsOfAsync(customerId));
        Assert.Equal("APPROVED", (await store.WaitUntilSettledAsync(orderId, CancellationToken)).GetProperty("state").GetString());
        Assert.Equal(30m, await store.AvailableCreditAsync(customerId, CancellationToken)); // reserved once
    }

    [Fact]
    public async Task Concurrent_requests_with_one_key_place_one_order()
    {
        var customerId = await store.CreateCustomerAsync(50m, CancellationToken);
        var key = NewKey();

        var responses = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => PostAsync(customerId, 5m, key)));

        Assert.All(responses, response => Assert.Equal(HttpStatusCode.Accepted, response.StatusCode));
        var orderIds = await Task.WhenAll(responses.Select(async response =>
            (await response.Content.ReadFromJsonAsync<JsonElement>(CancellationToken)).GetProperty("orderId").GetGuid()));
        Assert.Single(orderIds.Distinct());
        Assert.Equal([orderIds[0]], await OrderIdsOfAsync(customerId));
        foreach (var response in responses)
        {
            response.Dispose();
        }
    }

    [Fact]
    public async Task The_same_key_with_another_order_is_a_422_problem_and_places_nothing()
    {
        var customerId = await store.CreateCustomerAsync(50m, CancellationToken);
        var key = NewKey();
        using var first = await PostAsync(customerId, 20m, key);

        using var different = await PostAsync(customerId, 21m, key);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, different.StatusCode);
        Assert.Equal(ProblemJson, different.Content.Headers.ContentType?.MediaType);
        Assert.Equal(422, (await different.Content.ReadFromJsonAsync<JsonElement>(CancellationToken)).GetProperty("status").GetInt32());
        Assert.Single(await OrderIdsOfAsync(customerId));
    }

    [Fact]
    public async Task Keys_are_scoped_per_customer()
    {
        var ada = await store.CreateCustomerAsync(50m, CancellationToken);
        var grace = await store.CreateCustomerAsync(50m, CancellationToken);
        var key = NewKey();

        using var adas = await PostAsync(ada, 10m, key);
        using var graces = await PostAsync(grace, 10m, key);

        Assert.Equal(HttpStatusCode.Accepted, adas.StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, graces.StatusCode);
        Assert.NotEqual(adas.Headers.Location, graces.Headers.Location);
        Assert.Single(await OrderIdsOfAsync(ada));
        Assert.Single(await OrderIdsOfAsync(grace));
    }

    [Fact]
    public async Task A_rejected_body_does_not_use_up_its_key()
    {
        var customerId = await store.CreateCustomerAsync(50m, CancellationToken);
        var key = NewKey();

        using var invalid = await PostAsync(customerId, -1m, key);
        using var valid = await PostAsync(customerId, 1m, key);

        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, valid.StatusCode);
        Assert.False(valid.Headers.Contains("Idempotent-Replayed"));
    }

    [Fact]
    public async Task A_key_of_the_longest_allowed_length_is_accepted()
    {
        var customerId = await store.CreateCustomerAsync(50m, CancellationToken);
        var key = NewKey().PadRight(IdempotencyKey.MaxLength, '~');

        using var response = await PostAsync(customerId, 1m, key);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
    }

    [Theory]
    [InlineData("with space")]
    [InlineData("clé")]
    [InlineData("tab\there")]
    [InlineData("first", "second")]
    public async Task A_malformed_key_is_a_400_problem_and_places_nothing(params string[] values)
    {
        var customerId = await store.CreateCustomerAsync(50m, CancellationToken);

        using var response = await PostAsync(customerId, 1m, values);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(ProblemJson, response.Content.Headers.ContentType?.MediaType);
        Assert.Empty(await OrderIdsOfAsync(customerId));
    }

    [Fact]
    public async Task A_key_longer_than_allowed_is_a_400_problem()
    {
        var customerId = await store.CreateCustomerAsync(50m, CancellationToken);

        using var response = await PostAsync(customerId, 1m, new string('k', IdempotencyKey.MaxLength + 1));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(ProblemJson, response.Content.Headers.ContentType?.MediaType);
        Assert.Empty(await OrderIdsOfAsync(customerId));
    }

    [Fact]
    public void An_empty_key_is_malformed_and_no_header_is_no_key()
    {
        Assert.Equal((null, "Idempotency-Key must be 1 to 255 characters long."), IdempotencyKey.Read(new StringValues("")));
        Assert.Equal((null, null), IdempotencyKey.Read(StringValues.Empty));
        Assert.Equal((new IdempotencyKey("a-key"), null), IdempotencyKey.Read(new StringValues("a-key")));
    }

    private static string NewKey() => Guid.NewGuid().ToString();

    private async Task<HttpResponseMessage> PostAsync(long customerId, decimal orderTotal, params string[] keys)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/orders") { Content = JsonContent.Create(new { customerId, orderTotal }) };
        request.Headers.TryAddWithoutValidation(IdempotencyKey.HeaderName, keys);
        return await store.OrdersClient.SendAsync(request, CancellationToken);
    }

    private async Task<Guid[]> OrderIdsOfAsync(long customerId) =>
        [.. (await store.OrdersClient.GetFromJsonAsync<JsonElement[]>($"/orders?customerId={customerId}", CancellationToken))!
            .Select(order => order.GetProperty("orderId").GetGuid())];
}
