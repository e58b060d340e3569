using System.Text.Json.Serialization;

namespace Gateway.Tests;

internal sealed record TokenReply(
    [property: JsonPropertyName("access_token")] string AccessToken,
    [property: JsonPropertyName("token_type")] string TokenType,
    [property: JsonPropertyName("expires_in")] int ExpiresIn);
