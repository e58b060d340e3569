using System.Security.Claims;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Store.Tests;

/// <summary>
/// An OpenID Connect provider on a free loopback port, as much of one as a resource server uses: the discovery
/// document and a JWKS holding the public half of the RSA key it signs tokens with. Counts JWKS fetches.
/// </summary>
public sealed class OidcProviderStandIn : IAsyncDisposable
{
    public const string Audience = "store-api";

    private readonly WebApplication _app;
    private int _keySetRequests;

    private OidcProviderStandIn(WebApplication app) => _app = app;

    /// <summary>The issuer URL, which is also the authority the gateway is configured with.</summary>
    public string Issuer => _app.Urls.Single() + "/";

    public RsaSecurityKey SigningKey { get; } = NewSigningKey("provider-key");

    public int KeySetRequests => Volatile.Read(ref _keySetRequests);

    public static async Task<OidcProviderStandIn> StartAsync(CancellationToken cancellationToken)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var provider = new OidcProviderStandIn(app);
        app.MapGet("/.well-known/openid-configuration", () => Results.Json(new Dictionary<string, object>
        {
            ["issuer"] = provider.Issuer,
            ["jwks_uri"] = provider.Issuer + "jwks",
            ["id_token_signing_alg_values_supported"] = new[] { SecurityAlgorithms.RsaSha256 },
        }));
        app.MapGet("/jwks", () =>
        {
            Interlocked.Increment(ref provider._keySetRequests);
            var jwk = JsonWebKeyConverter.ConvertFromRSASecurityKey(provider.SigningKey);
            return Results.Json(new { keys = new[] { new { jwk.Kty, jwk.Kid, use = "sig", alg = SecurityAlgorithms.RsaSha256, jwk.N, jwk.E } } });
        });
        await app.StartAsync(cancellationToken);
        return provider;
    }

    /// <summary>A key of the same kind the provider does not publish.</summary>
    public static RsaSecurityKey NewSigningKey(string keyId) => new(RSA.Create(2048)) { KeyId = keyId };

    /// <summary>A token as the provider issues it; each argument changes one thing a resource server must check.</summary>
    public string Issue(
        string user = "alice", string? issuer = null, string audience = Audience, SecurityKey? signingKey = null, DateTime? expires = null)
    {
        var notAfter = expires ?? DateTime.UtcNow.AddMinutes(5);
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = issuer ?? Issuer,
            Audience = audience,
            Subject = new ClaimsIdentity([new Claim(JwtRegisteredClaimNames.Sub, user), new Claim(JwtRegisteredClaimNames.Name, user)]),
            IssuedAt = notAfter.AddMinutes(-10),
            NotBefore = notAfter.AddMinutes(-10),
            Expires = notAfter,
            SigningCredentials = new SigningCredentials(signingKey ?? SigningKey, SecurityAlgorithms.RsaSha256),
        });
    }

    public ValueTask DisposeAsync() => _app.DisposeAsync();
}
