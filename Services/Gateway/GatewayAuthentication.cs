namespace Gateway;

/// <summary>
/// The store's bearer tokens (<see cref="StoreBearerTokens"/>) and, in Development only, the gateway's issuing of them
/// (<see cref="TokenEndpoint"/>): outside Development it accepts only an OpenID Connect authority's tokens.
/// </summary>
public static class GatewayAuthentication
{
    /// <returns>Whether the gateway issues development tokens, and so maps <see cref="TokenEndpoint"/>.</returns>
    public static bool AddGatewayAuthentication(this WebApplicationBuilder builder)
    {
        var tokens = builder.AddStoreBearerTokens("the gateway", IsStreamPath);
        if (tokens.DevelopmentSigningKey is { } signingKey)
        {
            builder.Services.AddSingleton(new DevelopmentTokenIssuer(signingKey));
            return true;
        }

        // Unlike notifications, the gateway never runs without tokens: in Development it is their issuer.
        if (!tokens.ValidatesTokens)
        {
            throw new InvalidOperationException(
                $"{DevelopmentTokens.SigningKeyVariable} is not set: in Development the gateway needs it to issue and validate tokens.");
        }

        return false;
    }

    private static bool IsStreamPath(PathString path) => path.StartsWithSegments("/ws") || path.StartsWithSegments("/sse");
}
