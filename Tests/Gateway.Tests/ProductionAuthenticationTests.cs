using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Claims;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Hosting;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Store.Tests;

namespace Gateway.Tests;

/// <summary>The gateway as the cluster runs it: Production, validating tokens from an OpenID Connect provider.</summary>
public sealed class ProductionAuthenticationTests
{
    private static CancellationToken CancellationToken => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_token_from_the_authority_is_accepted_and_forwarded()
    {
        await using var provider = await OidcProviderStandIn.StartAsync(CancellationToken);
        await using var customers = await FakeService.StartAsync(FakeService.Json(new { }), CancellationToken);
        await using var gateway = ProductionGateway(provider, customers);
        var client = gateway.CreateClient();
        var token = provider.Issue();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);

        using var response = await client.GetAsync("/api/customers/1", CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal($"Bearer {token}", customers.LastAuthorization);
        Assert.Equal(1, provider.KeySetRequests);
    }

    [Theory]
    [InlineData("wrong issuer")]
    [InlineData("wrong audience")]
    [InlineData("unknown key")]
    [InlineData("expired")]
    [InlineData("development token")]
    public async Task A_token_the_authority_did_not_issue_for_the_store_is_a_401_problem(string flaw)
    {
        await using var provider = await OidcProviderStandIn.StartAsync(CancellationToken);
        await using var customers = await FakeService.StartAsync(FakeService.Json(new { }), CancellationToken);
        await using var gateway = ProductionGateway(provider, customers);
        var client = gateway.CreateClient();
        var token = flaw switch
        {
            "wrong issuer" => provider.Issue(issuer: "https://another-provider.example/"),
            "wrong audience" => provider.Issue(audience: "another-api"),
            "unknown key" => provider.Issue(signingKey: OidcProviderStandIn.NewSigningKey("unpublished-key")),
            // Past the five minutes of clock skew JwtBearer allows.
            "expired" => provider.Issue(expires: DateTime.UtcNow.AddMinutes(-10)),
            "development token" => DevelopmentToken(),
            _ => throw new ArgumentOutOfRangeException(nameof(flaw), flaw, null),
        };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);

        using var response = await client.GetAsync("/api/customers/1", CancellationToken);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(CancellationToken);
        Assert.Equal(401, problem.GetProperty("status").GetInt32());
        Assert.Equal(0, customers.Requests);
    }

    [Fact]
    public async Task The_token_endpoint_is_not_there_outside_development()
    {
        await using var provider = await OidcProviderStandIn.StartAsync(CancellationToken);
        await using var gateway = ProductionGateway(provider, backend: null);

        using var response = await gateway.CreateClient().PostAsJsonAsync("/api/token", new { user = "mallory" }, CancellationToken);
        var root = await gateway.CreateClient().GetFromJsonAsync<JsonElement>("/", CancellationToken);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.DoesNotContain(root.GetProperty("endpoints").EnumerateArray(), e => e.GetString()!.Contains("/api/token", StringComparison.Ordinal));
    }

    [Fact]
    public async Task With_an_authority_in_development_the_gateway_issues_no_tokens_of_its_own()
    {
        await using var provider = await OidcProviderStandIn.StartAsync(CancellationToken);
        await using var gateway = new GatewayFactory(new MovableServiceConfiguration(), AuthoritySettings(provider));

        using var response = await gateway.CreateClient().PostAsync("/api/token", content: null, CancellationToken);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Outside_development_without_an_authority_the_gateway_does_not_start()
    {
        await using var gateway = new GatewayFactory(new MovableServiceConfiguration(), environment: "Production");

        var failure = Assert.Throws<InvalidOperationException>(() => gateway.CreateClient());

        Assert.StartsWith("Authentication__Authority is not set", failure.Message);
        Assert.Contains("Authentication__Audience", failure.Message);
    }

    [Fact]
    public async Task An_authority_without_an_audience_does_not_start()
    {
        await using var provider = await OidcProviderStandIn.StartAsync(CancellationToken);
        var settings = AuthoritySettings(provider);
        settings.Remove(OidcAuthority.AudienceSetting);
        await using var gateway = new GatewayFactory(new MovableServiceConfiguration(), settings, environment: "Production");

        var failure = Assert.Throws<InvalidOperationException>(() => gateway.CreateClient());

        Assert.StartsWith("Authentication__Audience is not set", failure.Message);
    }

    private static GatewayFactory ProductionGateway(OidcProviderStandIn provider, FakeService? backend)
    {
        var discovery = new MovableServiceConfiguration();
        if (backend is not null)
        {
            discovery.Point("customers", backend.Address);
        }

        return new GatewayFactory(discovery, AuthoritySettings(provider), environment: "Production");
    }

    private static Dictionary<string, string?> AuthoritySettings(OidcProviderStandIn provider) => new()
    {
        [OidcAuthority.AuthoritySetting] = provider.Issuer,
        [OidcAuthority.AudienceSetting] = OidcProviderStandIn.Audience,
        // The stand-in serves plain HTTP on loopback; a real provider is reached over HTTPS.
        [OidcAuthority.RequireHttpsMetadataSetting] = "false",
    };

    /// <summary>A token exactly as the gateway issues one in Development, signed with the key it is still given.</summary>
    private static string DevelopmentToken() => new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
    {
        Issuer = DevelopmentTokens.Issuer,
        Audience = DevelopmentTokens.Audience,
        Subject = new ClaimsIdentity([new Claim(JwtRegisteredClaimNames.Sub, "mallory")]),
        Expires = DateTime.UtcNow.AddMinutes(5),
        SigningCredentials = new SigningCredentials(
            new SymmetricSecurityKey(Encoding.UTF8.GetBytes(GatewayFactory.SigningKey)), SecurityAlgorithms.HmacSha256),
    });
}
