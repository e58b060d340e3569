using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Claims;
using System.Text;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Gateway.Tests;

public sealed class GatewayAuthenticationTests
{
    private static CancellationToken CancellationToken => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("/api/customers/1")]
    [InlineData("/api/orders")]
    [InlineData("/api/products/1")]
    [InlineData("/api/customers/1/order-history")]
    [InlineData("/ws/orders")]
    [InlineData("/sse/orders")]
    public async Task Every_api_and_stream_route_requires_a_token(string path)
    {
        await using var backend = await FakeService.StartAsync(FakeService.Json(new { }), CancellationToken);
        await using var gateway = new GatewayFactory(PointingEverythingAt(backend));

        using var response = await gateway.CreateClient().GetAsync(path, CancellationToken);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("Bearer", Assert.Single(response.Headers.WwwAuthenticate).Scheme);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(0, backend.Requests);
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/health")]
    [InlineData("/alive")]
    public async Task Root_and_health_endpoints_are_anonymous(string path)
    {
        await using var gateway = new GatewayFactory(new MovableServiceConfiguration());

        using var response = await gateway.CreateClient().GetAsync(path, CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Token_endpoint_issues_a_bearer_token_for_the_development_user_without_a_body()
    {
        await using var gateway = new GatewayFactory(new MovableServiceConfiguration());

        using var response = await gateway.CreateClient().PostAsync("/api/token", content: null, CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var token = await response.Content.ReadFromJsonAsync<TokenReply>(CancellationToken);
        Assert.Equal("Bearer", token!.TokenType);
        Assert.Equal(3600, token.ExpiresIn);
        var jwt = new JsonWebToken(token.AccessToken);
        Assert.Equal(("store-gateway", "dev", "dev"), (jwt.Issuer, jwt.Subject, jwt.GetClaim("name").Value));
        Assert.Equal(["store"], jwt.Audiences);
        Assert.Equal("HS256", jwt.Alg);
    }

    [Fact]
    public async Task Token_is_issued_for_the_user_asked_for_and_is_forwarded_as_is()
    {
        await using var customers = await FakeService.StartAsync(FakeService.Json(new { }), CancellationToken);
        var discovery = new MovableServiceConfiguration();
        discovery.Point("customers", customers.Address);
        await using var gateway = new GatewayFactory(discovery);
        var client = gateway.CreateClient();
        var token = await GatewayFactory.IssueTokenAsync(client, "alice");
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);

        using var response = await client.GetAsync("/api/customers/1", CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("alice", new JsonWebToken(token).Subject);
        Assert.Equal($"Bearer {token}", customers.LastAuthorization);
    }

    [Theory]
    [InlineData("{\"user\":\"\"}")]
    [InlineData("{\"user\":\"has space\"}")]
    [InlineData("{\"user\":42}")]
    [InlineData("{\"user\":")]
    public async Task Token_request_with_an_invalid_user_is_a_400_problem(string body)
    {
        await using var gateway = new GatewayFactory(new MovableServiceConfiguration());

        using var response = await gateway.CreateClient().PostAsync(
            "/api/token", new StringContent(body, Encoding.UTF8, "application/json"), CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Theory]
    [InlineData("another-signing-key-that-is-32-bytes-long!", "store-gateway", "store")]
    [InlineData(GatewayFactory.SigningKey, "someone-else", "store")]
    [InlineData(GatewayFactory.SigningKey, "store-gateway", "another-audience")]
    public async Task A_token_not_issued_by_the_gateway_for_the_store_is_refused(string key, string issuer, string audience)
    {
        await using var customers = await FakeService.StartAsync(FakeService.Json(new { }), CancellationToken);
        var discovery = new MovableServiceConfiguration();
        discovery.Point("customers", customers.Address);
        await using var gateway = new GatewayFactory(discovery);
        var client = gateway.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Forge(key, issuer, audience));

        using var response = await client.GetAsync("/api/customers/1", CancellationToken);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(0, customers.Requests);
    }

    [Fact]
    public async Task A_forged_token_signed_with_the_right_key_is_accepted()
    {
        await using var customers = await FakeService.StartAsync(FakeService.Json(new { }), CancellationToken);
        var discovery = new MovableServiceConfiguration();
        discovery.Point("customers", customers.Address);
        await using var gateway = new GatewayFactory(discovery);
        var client = gateway.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue(
            "Bearer", Forge(GatewayFactory.SigningKey, "store-gateway", "store"));

        using var response = await client.GetAsync("/api/customers/1", CancellationToken);

        // The control for the test above: only the key, issuer or audience made the difference there.
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task A_token_accepted_once_is_accepted_again_but_its_payload_under_another_signature_is_refused()
    {
        await using var customers = await FakeService.StartAsync(FakeService.Json(new { }), CancellationToken);
        var discovery = new MovableServiceConfiguration();
        discovery.Point("customers", customers.Address);
        await using var gateway = new GatewayFactory(discovery);
        var client = gateway.CreateClient();
        var token = await GatewayFactory.IssueTokenAsync(client, "alice");
        // The validated token is remembered: the same header and payload must still need their own signature.
        var resigned = token[..(token.LastIndexOf('.') + 1)] + Forge("another-signing-key-that-is-32-bytes-long!", "store-gateway", "store").Split('.')[2];

        var statuses = new List<HttpStatusCode>();
        foreach (var bearer in new[] { token, token, resigned, token })
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, "/api/customers/1");
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", bearer);
            using var response = await client.SendAsync(request, CancellationToken);
            statuses.Add(response.StatusCode);
        }

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.Unauthorized, HttpStatusCode.OK], statuses);
        Assert.Equal(3, customers.Requests);
    }

    private static string Forge(string key, string issuer, string audience) => new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
    {
        Issuer = issuer,
        Audience = audience,
        Subject = new ClaimsIdentity([new Claim("sub", "mallory"), new Claim("name", "mallory")]),
        Expires = DateTime.UtcNow.AddMinutes(5),
        SigningCredentials = new SigningCredentials(new SymmetricSecurityKey(Encoding.UTF8.GetBytes(key)), SecurityAlgorithms.HmacSha256),
    });

    private static MovableServiceConfiguration PointingEverythingAt(FakeService backend)
    {
        var discovery = new MovableServiceConfiguration();
        foreach (var service in new[] { "customers", "orders", "catalog", "notifications" })
        {
            discovery.Point(service, backend.Address);
        }

        return discovery;
    }
}
