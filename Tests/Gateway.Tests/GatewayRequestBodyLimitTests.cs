using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace Gateway.Tests;

public sealed class GatewayRequestBodyLimitTests
{
    private static CancellationToken CancellationToken => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("/api/customers")]
    [InlineData("/api/products/7")]
    [InlineData("/api/token")]
    public async Task A_body_over_the_limit_is_a_413_problem_and_is_not_forwarded(string path)
    {
        await using var backend = await FakeService.StartAsync(FakeService.Json(new { }), CancellationToken);
        await using var gateway = new GatewayFactory(PointingAt(backend), new Dictionary<string, string?> { [RequestBodyLimits.MaxBodyBytesSetting] = "1000" });
        var client = await gateway.CreateAuthenticatedClientAsync();

        using var response = await client.PostAsync(path, new ByteArrayContent(new byte[1001]), CancellationToken);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(413, (await response.Content.ReadFromJsonAsync<JsonElement>(CancellationToken)).GetProperty("status").GetInt32());
        Assert.Equal(0, backend.Requests);
    }

    [Fact]
    public async Task A_body_at_the_limit_is_forwarded()
    {
        await using var backend = await FakeService.StartAsync(FakeService.Json(new { }), CancellationToken);
        await using var gateway = new GatewayFactory(PointingAt(backend), new Dictionary<string, string?> { [RequestBodyLimits.MaxBodyBytesSetting] = "1000" });
        var client = await gateway.CreateAuthenticatedClientAsync();

        using var response = await client.PostAsync("/api/customers", new ByteArrayContent(new byte[1000]), CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(1, backend.Requests);
    }

    [Fact]
    public async Task A_product_image_has_its_own_larger_limit()
    {
        await using var backend = await FakeService.StartAsync(FakeService.Status(StatusCodes.Status204NoContent), CancellationToken);
        await using var gateway = new GatewayFactory(PointingAt(backend), new Dictionary<string, string?>
        {
            [RequestBodyLimits.MaxBodyBytesSetting] = "1000",
            [RequestBodyLimits.MaxImageBodyBytesSetting] = "5000",
        });
        var client = await gateway.CreateAuthenticatedClientAsync();

        using var withinImageLimit = await client.PutAsync("/api/products/7/image", new ByteArrayContent(new byte[5000]), CancellationToken);
        using var overImageLimit = await client.PutAsync("/api/products/7/image", new ByteArrayContent(new byte[5001]), CancellationToken);

        Assert.Equal(HttpStatusCode.NoContent, withinImageLimit.StatusCode);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, overImageLimit.StatusCode);
        Assert.Equal("application/problem+json", overImageLimit.Content.Headers.ContentType?.MediaType);
        Assert.Equal(1, backend.Requests);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-5")]
    public void A_limit_below_one_byte_stops_the_gateway_at_startup(string limit)
    {
        using var gateway = new GatewayFactory(new MovableServiceConfiguration(), new Dictionary<string, string?> { [RequestBodyLimits.MaxBodyBytesSetting] = limit });

        var error = Assert.Throws<InvalidOperationException>(() => gateway.CreateClient());

        Assert.Contains(RequestBodyLimits.MaxBodyBytesSetting, error.Message);
    }

    private static MovableServiceConfiguration PointingAt(FakeService backend)
    {
        var discovery = new MovableServiceConfiguration();
        discovery.Point("customers", backend.Address);
        discovery.Point("catalog", backend.Address);
        return discovery;
    }
}
