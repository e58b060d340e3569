using System.Security.Claims;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Gateway;

/// <summary>
/// Issues tokens for any user name asked for, in Development only: a local run and its tests need no identity
/// provider, while the cluster validates the tokens of the OpenID Connect provider configured there (<see cref="OidcAuthority"/>).
/// </summary>
public sealed class DevelopmentTokenIssuer(SymmetricSecurityKey signingKey)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(1);

    private readonly JsonWebTokenHandler _handler = new();

    public IssuedToken Issue(string user)
    {
        var now = DateTime.UtcNow;
        var token = _handler.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = DevelopmentTokens.Issuer,
            Audience = DevelopmentTokens.Audience,
            Subject = new ClaimsIdentity(
            [
                new Claim(JwtRegisteredClaimNames.Sub, user),
                new Claim(JwtRegisteredClaimNames.Name, user),
            ]),
            IssuedAt = now,
            NotBefore = now,
            Expires = now + Lifetime,
            SigningCredentials = new SigningCredentials(signingKey, SecurityAlgorithms.HmacSha256),
        });

        return new IssuedToken(token, "Bearer", (int)Lifetime.TotalSeconds);
    }
}
