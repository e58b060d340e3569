using System.Text;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.IdentityModel.Tokens;

namespace Gateway;

/// <summary>
/// Development only: tokens the gateway issues itself (<see cref="TokenEndpoint"/>), HS256 with <c>Jwt:SigningKey</c>,
/// a secret the notifications service shares to validate the same tokens when the gateway forwards them.
/// </summary>
public static class DevelopmentTokens
{
    public const string SigningKeySetting = "Jwt:SigningKey";
    public const string Issuer = "store-gateway";
    public const string Audience = "store";

    public static void Configure(AuthenticationBuilder bearer, IServiceCollection services, IConfiguration configuration)
    {
        var signingKey = ReadSigningKey(configuration);
        services.AddSingleton(new DevelopmentTokenIssuer(signingKey));
        services.Configure<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme, options =>
            options.TokenValidationParameters = new TokenValidationParameters
            {
                ValidIssuer = Issuer,
                ValidAudience = Audience,
                IssuerSigningKey = signingKey,
                ValidAlgorithms = [SecurityAlgorithms.HmacSha256],
                NameClaimType = GatewayAuthentication.NameClaimType,
            });
    }

    private static SymmetricSecurityKey ReadSigningKey(IConfiguration configuration)
    {
        if (configuration[SigningKeySetting] is not { Length: > 0 } secret)
        {
            throw new InvalidOperationException("Jwt__SigningKey is not set: in Development the gateway needs it to issue and validate tokens.");
        }

        var key = Encoding.UTF8.GetBytes(secret);
        return key.Length >= 32
            ? new SymmetricSecurityKey(key)
            : throw new InvalidOperationException("Jwt__SigningKey is shorter than 32 bytes: HS256 needs a key of at least 256 bits.");
    }
}
