using System.Text;
using Microsoft.Extensions.Configuration;
using Microsoft.IdentityModel.Tokens;

namespace Microsoft.Extensions.Hosting;

/// <summary>
/// Development only: the tokens the gateway issues itself, HS256 with <c>Jwt:SigningKey</c>, a secret the services
/// share to validate the same tokens when the gateway forwards them. A local run and its tests need no identity provider.
/// </summary>
public static class DevelopmentTokens
{
    public const string SigningKeySetting = "Jwt:SigningKey";
    public const string SigningKeyVariable = "Jwt__SigningKey";
    public const string Issuer = "store-gateway";
    public const string Audience = "store";

    /// <returns>The key, or null when <see cref="SigningKeySetting"/> is not set.</returns>
    public static SymmetricSecurityKey? ReadSigningKey(IConfiguration configuration)
    {
        if (configuration[SigningKeySetting] is not { Length: > 0 } secret)
        {
            return null;
        }

        var key = Encoding.UTF8.GetBytes(secret);
        return key.Length >= 32
            ? new SymmetricSecurityKey(key)
            : throw new InvalidOperationException($"{SigningKeyVariable} is shorter than 32 bytes: HS256 needs a key of at least 256 bits.");
    }

    public static TokenValidationParameters ValidationParameters(SymmetricSecurityKey signingKey) => new()
    {
        ValidIssuer = Issuer,
        ValidAudience = Audience,
        IssuerSigningKey = signingKey,
        ValidAlgorithms = [SecurityAlgorithms.HmacSha256],
    };
}
