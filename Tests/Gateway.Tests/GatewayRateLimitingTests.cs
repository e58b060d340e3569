using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Gateway.Tests;

public sealed class GatewayRateLimitingTests
{
    private static CancellationToken CancellationToken => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_client_over_its_limit_gets_429_problems_while_another_client_is_still_served()
    {
        await using var customers = await FakeService.StartAsync(FakeService.Json(new { }), CancellationToken);
        var discovery = new MovableServiceConfiguration();
        discovery.Point("customers", customers.Address);
        await using var gateway = new GatewayFactory(discovery, new Dictionary<string, string?> { ["RateLimiting:PermitsPerSecond"] = "2" });
        var alice = await gateway.CreateAuthenticatedClientAsync("alice");
        var bob = await gateway.CreateAuthenticatedClientAsync("bob");

        var statuses = new List<HttpStatusCode>();
        (string? MediaType, JsonElement Body)? problem = null;
        for (var i = 0; i < 20; i++)
        {
            using var response = await alice.GetAsync("/api/customers/1", CancellationToken);
            statuses.Add(response.StatusCode);
            if (response.StatusCode == HttpStatusCode.TooManyRequests && problem is null)
            {
                problem = (response.Content.Headers.ContentType?.MediaType, await response.Content.ReadFromJsonAsync<JsonElement>(CancellationToken));
            }
        }

        using var bobsResponse = await bob.GetAsync("/api/customers/1", CancellationToken);

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK], statuses.Take(2));
        Assert.NotNull(problem);
        Assert.Equal("application/problem+json", problem.Value.MediaType);
        Assert.Equal(429, problem.Value.Body.GetProperty("status").GetInt32());
        Assert.Equal(statuses.Count(status => status == HttpStatusCode.OK), customers.Requests - 1);
        Assert.Equal(HttpStatusCode.OK, bobsResponse.StatusCode);
    }

    [Fact]
    public async Task Health_checks_are_not_rate_limited()
    {
        await using var gateway = new GatewayFactory(new MovableServiceConfiguration(), new Dictionary<string, string?> { ["RateLimiting:PermitsPerSecond"] = "1" });
        var client = gateway.CreateClient();

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 5; i++)
        {
            using var response = await client.GetAsync("/health", CancellationToken);
            statuses.Add(response.StatusCode);
        }

        Assert.All(statuses, status => Assert.Equal(HttpStatusCode.OK, status));
    }
}
