using System.Text;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.IdentityModel.Tokens;

namespace Notifications;

/// <summary>
/// Accepts the bearer tokens the gateway accepts: with <c>Authentication:Authority</c> set, those of that OpenID Connect
/// provider (issuer and signing keys from its discovery document, the configured audience); otherwise, in Development
/// only, the gateway's development tokens (HS256, signed with the shared <c>Jwt:SigningKey</c>). Outside Development
/// without an authority it refuses to start.
/// </summary>
public static class GatewayTokenAuthentication
{
    public const string AuthoritySetting = "Authentication:Authority";
    public const string AudienceSetting = "Authentication:Audience";

    /// <summary>True by default; false only for a provider reached over plain HTTP inside a trusted network.</summary>
    public const string RequireHttpsMetadataSetting = "Authentication:RequireHttpsMetadata";

    public const string SigningKeySetting = "Jwt:SigningKey";
    public const string Issuer = "store-gateway";
    public const string Audience = "store";

    /// <summary>Browsers cannot set headers on a WebSocket or an EventSource, so the streams also take the token here.</summary>
    public const string QueryParameter = "access_token";

    /// <returns>Whether tokens are configured, and so whether the streams require one.</returns>
    public static bool AddGatewayTokenAuthentication(this WebApplicationBuilder builder)
    {
        builder.Services.AddAuthorization();
        var authentication = builder.Services.AddAuthentication();
        var configuration = builder.Configuration;
        if (configuration[AuthoritySetting] is { Length: > 0 } authority)
        {
            var audience = configuration[AudienceSetting] is { Length: > 0 } configured
                ? configured
                : throw new InvalidOperationException(
                    $"Authentication__Audience is not set: with Authentication__Authority ({authority}) notifications needs the audience its tokens carry.");
            authentication.AddJwtBearer(options =>
            {
                options.Authority = authority;
                options.Audience = audience;
                options.RequireHttpsMetadata = configuration.GetValue(RequireHttpsMetadataSetting, defaultValue: true);
                AcceptStreamTokens(options);
            });
            return true;
        }
        if (!builder.Environment.IsDevelopment())
        {
            throw new InvalidOperationException(
                "Authentication__Authority is not set: outside Development notifications accepts only tokens from an OpenID Connect " +
                "authority, never ones signed with Jwt__SigningKey, and never leaves its streams open. Set Authentication__Authority and Authentication__Audience.");
        }
        if (configuration[SigningKeySetting] is not { Length: > 0 } signingKey)
        {
            return false; // Development without a key: the streams are open, as a service tried on its own expects
        }
        var key = Encoding.UTF8.GetBytes(signingKey);
        if (key.Length < 32)
        {
            throw new InvalidOperationException("Jwt__SigningKey is shorter than 32 bytes: HS256 needs a key of at least 256 bits.");
        }

        authentication.AddJwtBearer(options =>
        {
            options.TokenValidationParameters = new TokenValidationParameters
            {
                ValidIssuer = Issuer,
                ValidAudience = Audience,
                IssuerSigningKey = new SymmetricSecurityKey(key),
                ValidAlgorithms = [SecurityAlgorithms.HmacSha256],
            };
            AcceptStreamTokens(options);
        });
        return true;
    }

    private static void AcceptStreamTokens(JwtBearerOptions options)
    {
        options.MapInboundClaims = false;
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
    }
}
