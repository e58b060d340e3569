using System.Globalization;

namespace Parity.Hosting.Kubernetes;

/// <summary>
/// The labels an ephemeral environment's namespace and every object in it carry. The expiry is a label (not an annotation)
/// so <c>kubectl get namespaces -l</c> can select on it; a label value allows no ':' and so the time is written in ISO 8601's
/// basic format, UTC: <c>20261210T001203Z</c>.
/// </summary>
public static class EphemeralLabels
{
    public const string Ephemeral = "parity.dev/ephemeral";
    public const string Expires = "parity.dev/expires";
    public const string Selector = Ephemeral + "=true";
    private const string ExpiryFormat = "yyyyMMdd'T'HHmmss'Z'";

    public static string FormatExpiry(DateTimeOffset expires) => expires.UtcDateTime.ToString(ExpiryFormat, CultureInfo.InvariantCulture);

    public static DateTimeOffset? ParseExpiry(string? value) =>
        DateTimeOffset.TryParseExact(value, ExpiryFormat, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var expires)
            ? expires
            : null;
}
