using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.JsonWebTokens;

namespace Microsoft.Extensions.Hosting;

/// <summary>
/// The bearer tokens every store service accepts. With <c>Authentication:Authority</c> set, those of that OpenID Connect
/// provider (<see cref="OidcAuthority"/>); otherwise, in Development only, the gateway's development tokens
/// (<see cref="DevelopmentTokens"/>). Outside Development without an authority the service refuses to start.
/// </summary>
public static class StoreBearerTokens
{
    /// <summary>Browsers cannot set headers on a WebSocket or an EventSource, so the streams also take the token here.</summary>
    public const string QueryParameter = "access_token";

    /// <summary>The claim a user's name is read from, whoever issued the token.</summary>
    public const string NameClaimType = JwtRegisteredClaimNames.Name;

    /// <param name="serviceName">The service as its start-up errors name it ("the gateway").</param>
    /// <param name="isStreamPath">The service's WebSocket and server-sent-event paths, which also take <see cref="QueryParameter"/>.</param>
    public static StoreTokenValidation AddStoreBearerTokens(
        this WebApplicationBuilder builder, string serviceName, Func<PathString, bool> isStreamPath)
    {
        builder.Services.AddAuthorization();
        var configuration = builder.Configuration;
        if (OidcAuthority.IsConfigured(configuration))
        {
            AddJwtBearer(builder.Services, configuration, isStreamPath, OidcAuthority.Validation(configuration, serviceName));
            return StoreTokenValidation.Authority;
        }

        if (!builder.Environment.IsDevelopment())
        {
            throw new InvalidOperationException(
                $"{OidcAuthority.AuthorityVariable} is not set: outside Development {serviceName} accepts only tokens from an " +
                $"OpenID Connect authority, never ones signed with {DevelopmentTokens.SigningKeyVariable}, and never leaves its " +
                $"streams open. Set {OidcAuthority.AuthorityVariable} to its issuer URL and {OidcAuthority.AudienceVariable} " +
                "to the audience its tokens carry for this API.");
        }

        if (DevelopmentTokens.ReadSigningKey(configuration) is not { } signingKey)
        {
            builder.Services.AddAuthentication();
            return StoreTokenValidation.None;
        }

        AddJwtBearer(builder.Services, configuration, isStreamPath, options =>
            options.TokenValidationParameters = DevelopmentTokens.ValidationParameters(signingKey));
        return StoreTokenValidation.Development(signingKey);
    }

    private static void AddJwtBearer(
        IServiceCollection services, IConfiguration configuration, Func<PathString, bool> isStreamPath, Action<JwtBearerOptions> validation)
    {
        var cacheCapacity = configuration.GetValue(ValidatedTokenCache.CapacitySetting, ValidatedTokenCache.DefaultCapacity);
        if (cacheCapacity < 0)
        {
            throw new InvalidOperationException($"{ValidatedTokenCache.CapacitySetting} must be 0 (no cache) or more, not {cacheCapacity}.");
        }

        services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme).AddJwtBearer(options =>
        {
            validation(options);
            if (cacheCapacity > 0)
            {
                options.TokenHandlers.Clear();
                options.TokenHandlers.Add(new ValidatedTokenCache(cacheCapacity));
            }

            // Claims keep their JWT names ("sub", "name"), so every service reads a token alike.
            options.MapInboundClaims = false;
            options.TokenValidationParameters.NameClaimType = NameClaimType;
            options.Events = new JwtBearerEvents { OnMessageReceived = context => ReadStreamToken(context, isStreamPath) };
        });
    }

    private static Task ReadStreamToken(MessageReceivedContext context, Func<PathString, bool> isStreamPath)
    {
        if (string.IsNullOrEmpty(context.Token)
            && isStreamPath(context.Request.Path)
            && context.Request.Query.TryGetValue(QueryParameter, out var token))
        {
            context.Token = token;
        }

        return Task.CompletedTask;
    }
}
