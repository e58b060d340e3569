using System.Globalization;

namespace Parity.S3.Auth;

/// <summary>SigV4's timestamp format, yyyyMMdd'T'HHmmss'Z', always UTC.</summary>
internal static class AmzDate
{
    public const string Format = "yyyyMMdd'T'HHmmss'Z'";

    public static DateTimeOffset? TryParse(string? value) =>
        DateTimeOffset.TryParseExact(value, Format, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var date)
            ? date
            : null;

    /// <summary>Reads the HTTP Date header (RFC 1123), which SigV4 accepts when x-amz-date is absent.</summary>
    public static string? FromHttpDate(string? value) =>
        DateTimeOffset.TryParseExact(value, "R", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var date)
            ? date.ToString(Format, CultureInfo.InvariantCulture)
            : null;
}
