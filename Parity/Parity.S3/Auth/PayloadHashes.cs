namespace Parity.S3.Auth;

/// <summary>The values x-amz-content-sha256 may take besides a hex SHA-256 of the body.</summary>
internal static class PayloadHashes
{
    public const string Unsigned = "UNSIGNED-PAYLOAD";
    public const string StreamingSigned = "STREAMING-AWS4-HMAC-SHA256-PAYLOAD";
    public const string StreamingSignedTrailer = "STREAMING-AWS4-HMAC-SHA256-PAYLOAD-TRAILER";
    public const string StreamingUnsignedTrailer = "STREAMING-UNSIGNED-PAYLOAD-TRAILER";

    /// <summary>SHA-256 of the empty string, which every chunk string-to-sign includes.</summary>
    public const string EmptySha256 = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

    public static bool IsStreaming(string payloadHash) => payloadHash.StartsWith("STREAMING-", StringComparison.Ordinal);

    public static bool HasSignedChunks(string payloadHash) =>
        payloadHash is StreamingSigned or StreamingSignedTrailer;

    public static bool HasTrailer(string payloadHash) =>
        payloadHash is StreamingSignedTrailer or StreamingUnsignedTrailer;

    public static bool IsHexSha256(string payloadHash) =>
        payloadHash.Length == 64 && payloadHash.All(char.IsAsciiHexDigit);

    public static bool IsKnown(string payloadHash) =>
        payloadHash is Unsigned or StreamingSigned or StreamingSignedTrailer or StreamingUnsignedTrailer || IsHexSha256(payloadHash);
}
