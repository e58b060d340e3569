using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.IdentityModel.JsonWebTokens;

namespace Gateway;

/// <summary>
/// Bearer tokens. With <c>Authentication:Authority</c> set, from that OpenID Connect provider (<see cref="OidcAuthority"/>);
/// otherwise, in Development only, from the gateway itself (<see cref="DevelopmentTokens"/>). Outside Development without
/// an authority the gateway refuses to start: it never falls back to issuing tokens of its own.
/// </summary>
public static class GatewayAuthentication
{
    /// <summary>Browsers cannot set headers on a WebSocket or an EventSource, so the streams also take the token here.</summary>
    public const string QueryParameter = "access_token";

    /// <summary>The claim a user's name is read from, whoever issued the token.</summary>
    public const string NameClaimType = JwtRegisteredClaimNames.Name;

    /// <returns>Whether the gateway issues development tokens, and so maps <see cref="TokenEndpoint"/>.</returns>
    public static bool AddGatewayAuthentication(this WebApplicationBuilder builder)
    {
        builder.Services.AddAuthorization();
        var bearer = builder.Services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme).AddJwtBearer(options =>
        {
            // Claims keep their JWT names ("sub", "name"), as the notifications service reads them.
            options.MapInboundClaims = false;
            options.Events = new JwtBearerEvents { OnMessageReceived = ReadStreamTokenFromQuery };
        });

        if (OidcAuthority.IsConfigured(builder.Configuration))
        {
            OidcAuthority.Configure(bearer, builder.Configuration);
            return false;
        }

        if (!builder.Environment.IsDevelopment())
        {
            throw new InvalidOperationException(
                $"{OidcAuthority.AuthorityVariable} is not set: outside Development the gateway accepts only tokens from an " +
                $"OpenID Connect authority. Set {OidcAuthority.AuthorityVariable} to its issuer URL and " +
                $"{OidcAuthority.AudienceVariable} to the audience its tokens carry for this API.");
        }

        DevelopmentTokens.Configure(bearer, builder.Services, builder.Configuration);
        return true;
    }

    private static Task ReadStreamTokenFromQuery(MessageReceivedContext context)
    {
        if (string.IsNullOrEmpty(context.Token)
            && IsStreamPath(context.Request.Path)
            && context.Request.Query.TryGetValue(QueryParameter, out var token))
        {
            context.Token = token;
        }

        return Task.CompletedTask;
    }

    private static bool IsStreamPath(PathString path) => path.StartsWithSegments("/ws") || path.StartsWithSegments("/sse");
}
