using System.Security.Cryptography;
using System.Text;
using Parity.Dashboard.Configuration;

namespace Parity.Dashboard.Security;

/// <summary>
/// The OTLP API key and browser token in force: configured ones, or random ones generated at start
/// so that a dashboard is never open by accident.
/// </summary>
public sealed class DashboardSecrets
{
    public DashboardSecrets(DashboardOptions options)
    {
        OtlpUnsecured = options.OtlpAuthMode == AuthMode.Unsecured;
        FrontendUnsecured = options.FrontendAuthMode == AuthMode.Unsecured;
        OtlpApiKey = OtlpUnsecured ? null : Configured(options.OtlpApiKey) ?? Generate();
        BrowserTokenWasGenerated = !FrontendUnsecured && Configured(options.BrowserToken) is null;
        BrowserToken = FrontendUnsecured ? null : Configured(options.BrowserToken) ?? Generate();
    }

    public bool OtlpUnsecured { get; }

    public bool FrontendUnsecured { get; }

    public string? OtlpApiKey { get; }

    public string? BrowserToken { get; }

    public bool BrowserTokenWasGenerated { get; }

    public bool IsValidOtlpApiKey(string? candidate) => OtlpUnsecured || FixedTimeEquals(candidate, OtlpApiKey);

    public bool IsValidBrowserToken(string? candidate) => FrontendUnsecured || FixedTimeEquals(candidate, BrowserToken);

    private static string? Configured(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;

    private static string Generate() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));

    private static bool FixedTimeEquals(string? candidate, string? expected) =>
        candidate is not null && expected is not null
        && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(candidate), Encoding.UTF8.GetBytes(expected));
}
