using System.Text;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Gateway;

/// <summary>
/// Bearer tokens (HS256) signed with <c>Jwt:SigningKey</c>, a secret the notifications service shares to validate
/// the same tokens when the gateway forwards them.
/// </summary>
public static class GatewayAuthentication
{
    public const string SigningKeySetting = "Jwt:SigningKey";
    public const string Issuer = "store-gateway";
    public const string Audience = "store";

    /// <summary>Browsers cannot set headers on a WebSocket or an EventSource, so the streams also take the token here.</summary>
    public const string QueryParameter = "access_token";

    public static WebApplicationBuilder AddGatewayAuthentication(this WebApplicationBuilder builder)
    {
        var signingKey = ReadSigningKey(builder.Configuration);
        builder.Services.AddSingleton(new DevelopmentTokenIssuer(signingKey));
        builder.Services.AddAuthorization();
        builder.Services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme).AddJwtBearer(options =>
        {
            // Claims keep their JWT names ("sub", "name"), as the notifications service reads them.
            options.MapInboundClaims = false;
            options.TokenValidationParameters = new TokenValidationParameters
            {
                ValidIssuer = Issuer,
                ValidAudience = Audience,
                IssuerSigningKey = signingKey,
                ValidAlgorithms = [SecurityAlgorithms.HmacSha256],
                NameClaimType = JwtRegisteredClaimNames.Name,
            };
            options.Events = new JwtBearerEvents
            {
                OnMessageReceived = context =>
                {
                    if (string.IsNullOrEmpty(context.Token)
                        && IsStreamPath(context.Request.Path)
                        && context.Request.Query.TryGetValue(QueryParameter, out var token))
                    {
                        context.Token = token;
                    }

                    return Task.CompletedTask;
                },
            };
        });

        return builder;
    }

    private static bool IsStreamPath(PathString path) => path.StartsWithSegments("/ws") || path.StartsWithSegments("/sse");

    private static SymmetricSecurityKey ReadSigningKey(IConfiguration configuration)
    {
        if (configuration[SigningKeySetting] is not { Length: > 0 } secret)
        {
            throw new InvalidOperationException("Jwt__SigningKey is not set: the gateway needs it to issue and validate tokens.");
        }

        var key = Encoding.UTF8.GetBytes(secret);
        return key.Length >= 32
            ? new SymmetricSecurityKey(key)
            : throw new InvalidOperationException("Jwt__SigningKey is shorter than 32 bytes: HS256 needs a key of at least 256 bits.");
    }
}
