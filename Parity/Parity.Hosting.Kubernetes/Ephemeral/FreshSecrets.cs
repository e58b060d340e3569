using System.Security.Cryptography;

namespace Parity.Hosting.Kubernetes;

/// <summary>
/// A new random value for every key an overlay's <c>secrets.env.example</c> lists, as the AppHost generates its local secrets:
/// never a committed value, never the same twice. A key <c>NAME.uri</c> gets NAME's value URI-escaped, as the example says.
/// </summary>
public static class FreshSecrets
{
    /// <summary>Letters and digits without look-alikes: safe in URIs, connection strings and shells unquoted.</summary>
    private const string Alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
    private const int Length = 32;
    private const string UriSuffix = ".uri";

    public static IReadOnlyList<KeyValuePair<string, string>> For(IReadOnlyList<string> keys)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var key in keys.Where(k => !IsUriCopy(k, keys)))
        {
            values[key] = RandomNumberGenerator.GetString(Alphabet, Length);
        }
        return [.. keys.Select(k => KeyValuePair.Create(k, IsUriCopy(k, keys) ? Uri.EscapeDataString(values[k[..^UriSuffix.Length]]) : values[k]))];
    }

    /// <summary>The keys an env file sets (<c>KEY=value</c> lines; comments skipped), in order.</summary>
    public static IReadOnlyList<string> KeysOf(string envFile) =>
        File.Exists(envFile)
            ? [.. File.ReadAllLines(envFile).Where(l => !l.TrimStart().StartsWith('#') && l.Contains('=')).Select(l => l.Split('=')[0].Trim())]
            : [];

    private static bool IsUriCopy(string key, IReadOnlyList<string> keys) =>
        key.EndsWith(UriSuffix, StringComparison.Ordinal) && keys.Contains(key[..^UriSuffix.Length]);
}
