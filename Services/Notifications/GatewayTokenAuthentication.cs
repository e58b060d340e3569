using System.Text;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.IdentityModel.Tokens;

namespace Notifications;

/// <summary>Accepts the bearer tokens the gateway issues (HS256, signed with the shared <c>Jwt:SigningKey</c>).</summary>
public static class GatewayTokenAuthentication
{
    public const string SigningKeySetting = "Jwt:SigningKey";
    public const string Issuer = "store-gateway";
    public const string Audience = "store";

    /// <summary>Browsers cannot set headers on a WebSocket or an EventSource, so the streams also take the token here.</summary>
    public const string QueryParameter = "access_token";

    /// <returns>Whether a signing key is configured, and so whether the streams require a token.</returns>
    public static bool AddGatewayTokenAuthentication(this WebApplicationBuilder builder)
    {
        builder.Services.AddAuthorization();
        var authentication = builder.Services.AddAuthentication();
        if (builder.Configuration[SigningKeySetting] is not { Length: > 0 } signingKey)
        {
            return false;
        }
        var key = Encoding.UTF8.GetBytes(signingKey);
        if (key.Length < 32)
        {
            throw new InvalidOperationException("Jwt__SigningKey is shorter than 32 bytes: HS256 needs a key of at least 256 bits.");
        }

        authentication.AddJwtBearer(options =>
        {
            options.MapInboundClaims = false;
            options.TokenValidationParameters = new TokenValidationParameters
            {
                ValidIssuer = Issuer,
                ValidAudience = Audience,
                IssuerSigningKey = new SymmetricSecurityKey(key),
                ValidAlgorithms = [SecurityAlgorithms.HmacSha256],
            };
            options.Events = new JwtBearerEvents
            {
                OnMessageReceived = context =>
                {
                    if (string.IsNullOrEmpty(context.Token)
                        && OrderStreamEndpoints.IsStreamPath(context.Request.Path)
                        && context.Request.Query.TryGetValue(QueryParameter, out var token))
                    {
                        context.Token = token;
                    }
                    return Task.CompletedTask;
                },
            };
        });
        return true;
    }
}
