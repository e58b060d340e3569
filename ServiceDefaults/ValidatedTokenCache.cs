using Microsoft.Extensions.Caching.Memory;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Microsoft.Extensions.Hosting;

/// <summary>
/// Validates a bearer token once and accepts the same token again, until it expires, without parsing it, checking its
/// signature or building its claims anew: a client sends one token with every request, and validating it each time was
/// the largest cost of a proxied request. Keyed by the whole token, signature included, so only a token that passed
/// validation is ever accepted from the cache; failures are never cached. Each request gets its own copy of the claims.
/// </summary>
public sealed class ValidatedTokenCache(int capacity) : JsonWebTokenHandler
{
    /// <summary>How many tokens are remembered at most; 0 validates every request's token in full.</summary>
    public const string CapacitySetting = "Authentication:ValidatedTokenCacheSize";

    public const int DefaultCapacity = 10_000;

    private readonly MemoryCache _validated = new(new MemoryCacheOptions { SizeLimit = capacity });

    public override async Task<TokenValidationResult> ValidateTokenAsync(string token, TokenValidationParameters validationParameters)
    {
        // Until the token's own expiry, without the clock skew full validation allows: never longer than validation would.
        if (_validated.TryGetValue(token, out TokenValidationResult? known) && known!.SecurityToken.ValidTo > DateTime.UtcNow)
        {
            return CopyOf(known);
        }

        var result = await base.ValidateTokenAsync(token, validationParameters);
        if (result.IsValid && result.SecurityToken.ValidTo > DateTime.UtcNow)
        {
            _validated.Set(token, result, new MemoryCacheEntryOptions { Size = 1, AbsoluteExpiration = result.SecurityToken.ValidTo });
            return CopyOf(result);
        }

        return result;
    }

    // The cached identity stays untouched by whatever a request adds to its own principal.
    private static TokenValidationResult CopyOf(TokenValidationResult validated) => new()
    {
        IsValid = true,
        ClaimsIdentity = validated.ClaimsIdentity.Clone(),
        SecurityToken = validated.SecurityToken,
        Issuer = validated.Issuer,
        TokenType = validated.TokenType,
    };
}
