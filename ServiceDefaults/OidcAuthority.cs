using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.Configuration;

namespace Microsoft.Extensions.Hosting;

/// <summary>
/// Tokens from an OpenID Connect provider: JwtBearer reads its discovery document
/// (<c>{Authority}/.well-known/openid-configuration</c>), validates the issuer it names and the signature against its
/// JWKS (fetched again when a token names an unknown key), and requires the configured audience and a live lifetime.
/// </summary>
public static class OidcAuthority
{
    public const string AuthoritySetting = "Authentication:Authority";
    public const string AudienceSetting = "Authentication:Audience";

    /// <summary>True by default; false only for a provider reached over plain HTTP inside a trusted network.</summary>
    public const string RequireHttpsMetadataSetting = "Authentication:RequireHttpsMetadata";

    public const string AuthorityVariable = "Authentication__Authority";
    public const string AudienceVariable = "Authentication__Audience";

    public static bool IsConfigured(IConfiguration configuration) => !string.IsNullOrEmpty(configuration[AuthoritySetting]);

    /// <summary>Reads the settings now, so that a missing audience stops start-up rather than failing every request.</summary>
    public static Action<JwtBearerOptions> Validation(IConfiguration configuration, string serviceName)
    {
        var authority = configuration[AuthoritySetting]!;
        if (configuration[AudienceSetting] is not { Length: > 0 } audience)
        {
            throw new InvalidOperationException(
                $"{AudienceVariable} is not set: with {AuthorityVariable} ({authority}) {serviceName} needs the audience " +
                "its tokens carry for this API, so that a token issued for another application is refused.");
        }

        var requireHttpsMetadata = configuration.GetValue(RequireHttpsMetadataSetting, defaultValue: true);
        return options =>
        {
            options.Authority = authority;
            options.Audience = audience;
            options.RequireHttpsMetadata = requireHttpsMetadata;
        };
    }
}
