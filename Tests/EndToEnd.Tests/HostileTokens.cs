using System.Security.Cryptography;
using System.Text;

namespace EndToEnd.Tests;

/// <summary>Authorization headers the gateway must refuse: missing, malformed, unsigned, signed with another key, tampered.</summary>
internal static class HostileTokens
{
    public static IEnumerable<(string? Header, string Description)> For(string validToken)
    {
        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        var claims = $$"""{"sub":"mallory","name":"mallory","iss":"store-gateway","aud":"store","iat":{{now}},"nbf":{{now}},"exp":{{now + 3600}}}""";
        yield return (null, "no Authorization header");
        yield return ("Bearer", "scheme without a token");
        yield return ("Bearer ", "scheme and a space");
        yield return ("Bearer garbage", "not a JWT");
        yield return ("Bearer a.b.c", "three segments of nothing");
        yield return ("Bearer ....", "only dots");
        yield return ($"Bearer {Unsigned(claims)}", "alg none");
        yield return ($"Bearer {Signed(claims, "another-key-that-is-long-enough-for-hs256!")}", "signed with another key");
        yield return ($"Bearer {Signed(claims.Replace("\"exp\":" + (now + 3600), "\"exp\":" + (now - 3600)), new string('x', 48))}", "expired, unknown key");
        yield return ($"Bearer {Tampered(validToken)}", "valid token with its payload changed");
        yield return ($"Bearer {validToken[..^4]}", "valid token cut short");
        yield return ($"Bearer {validToken}x", "valid token with a byte appended");
        yield return ("Basic dXNlcjpwYXNz", "another scheme");
        yield return ($"Bearer {new string('A', 16_000)}", "a 16 KB token");
        yield return ($"Bearer {validToken}, Bearer {validToken}", "two tokens in one header");
    }

    private static string Unsigned(string claims) => $"{Segment("""{"alg":"none","typ":"JWT"}""")}.{Segment(claims)}.";

    private static string Signed(string claims, string key)
    {
        var unsigned = $"{Segment("""{"alg":"HS256","typ":"JWT"}""")}.{Segment(claims)}";
        var signature = HMACSHA256.HashData(Encoding.UTF8.GetBytes(key), Encoding.ASCII.GetBytes(unsigned));
        return $"{unsigned}.{Base64Url(signature)}";
    }

    /// <summary>The same header and signature around another user's claims: the signature no longer matches.</summary>
    private static string Tampered(string token)
    {
        var parts = token.Split('.');
        return $"{parts[0]}.{Segment("""{"sub":"admin","name":"admin","iss":"store-gateway","aud":"store","exp":4102444800}""")}.{parts[2]}";
    }

    private static string Segment(string json) => Base64Url(Encoding.UTF8.GetBytes(json));

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
