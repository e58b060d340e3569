using Microsoft.Extensions.Primitives;

namespace Orders;

/// <summary>
/// The <c>Idempotency-Key</c> a client sends with POST /orders so that a retried request returns the first answer
/// instead of placing the order twice. Visible ASCII only, at most <see cref="MaxLength"/> characters, one value.
/// </summary>
public sealed record IdempotencyKey(string Value)
{
    public const string HeaderName = "Idempotency-Key";

    public const int MaxLength = 255;

    /// <summary>Reads the header: a key, null when the request has none, or the reason it is malformed.</summary>
    public static (IdempotencyKey? Key, string? Error) Read(StringValues header)
    {
        if (header.Count == 0)
        {
            return (null, null);
        }
        if (header.Count > 1)
        {
            return (null, $"Send one {HeaderName} header with one value.");
        }

        var value = header[0] ?? "";
        if (value.Length is 0 or > MaxLength)
        {
            return (null, $"{HeaderName} must be 1 to {MaxLength} characters long.");
        }
        return value.All(c => c is >= '!' and <= '~')
            ? (new IdempotencyKey(value), null)
            : (null, $"{HeaderName} may hold visible ASCII characters only.");
    }
}
