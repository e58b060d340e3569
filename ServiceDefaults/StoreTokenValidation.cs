using Microsoft.IdentityModel.Tokens;

namespace Microsoft.Extensions.Hosting;

/// <summary>The bearer tokens <see cref="StoreBearerTokens.AddStoreBearerTokens"/> set a service up to validate.</summary>
public sealed record StoreTokenValidation
{
    /// <summary>Development without <c>Jwt:SigningKey</c>: no token is validated, so nothing can require one.</summary>
    public static StoreTokenValidation None { get; } = new();

    /// <summary>Tokens of the configured OpenID Connect provider.</summary>
    public static StoreTokenValidation Authority { get; } = new() { ValidatesTokens = true };

    /// <summary>Development tokens, signed with <paramref name="signingKey"/>.</summary>
    public static StoreTokenValidation Development(SymmetricSecurityKey signingKey) =>
        new() { ValidatesTokens = true, DevelopmentSigningKey = signingKey };

    public bool ValidatesTokens { get; private init; }

    /// <summary>Set for development tokens only: the key that signs them, for a service that also issues them.</summary>
    public SymmetricSecurityKey? DevelopmentSigningKey { get; private init; }

    private StoreTokenValidation()
    {
    }
}
