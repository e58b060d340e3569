using System.Text.Json.Serialization;

namespace Gateway;

/// <summary>The OAuth 2.0 token response shape (RFC 6749 §5.1), so standard clients can read it.</summary>
public sealed record IssuedToken(
    [property: JsonPropertyName("access_token")] string AccessToken,
    [property: JsonPropertyName("token_type")] string TokenType,
    [property: JsonPropertyName("expires_in")] int ExpiresIn);
