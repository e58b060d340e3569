using System.Text;
using Microsoft.Extensions.Primitives;

namespace Parity.S3.Auth;

/// <summary>
/// SigV4's canonical request and string to sign. S3 differs from other AWS services in one point: the path is
/// URI-encoded once, not twice, and is not normalised ("a//b" and "a/./b" are distinct keys).
/// </summary>
internal static class CanonicalRequest
{
    public static string Build(
        string method,
        string decodedPath,
        IEnumerable<KeyValuePair<string, string>> query,
        IReadOnlyList<string> signedHeaders,
        Func<string, StringValues> headerValues,
        string payloadHash)
    {
        var builder = new StringBuilder();
        builder.Append(method).Append('\n');
        builder.Append(S3UriEncoding.Encode(decodedPath, keepSlash: true)).Append('\n');
        builder.Append(CanonicalQuery(query)).Append('\n');
        foreach (var name in signedHeaders)
        {
            builder.Append(name).Append(':').Append(CanonicalHeaderValue(headerValues(name))).Append('\n');
        }

        builder.Append('\n');
        builder.Append(string.Join(';', signedHeaders)).Append('\n');
        builder.Append(payloadHash);
        return builder.ToString();
    }

    public static string StringToSign(string amzDate, string scope, string canonicalRequest) =>
        $"{AuthorizationHeader.Algorithm}\n{amzDate}\n{scope}\n{SigningKey.Sha256Hex(canonicalRequest)}";

    public static string CanonicalQuery(IEnumerable<KeyValuePair<string, string>> query) =>
        string.Join('&', query
            .Select(pair => (Name: S3UriEncoding.Encode(pair.Key, keepSlash: false), Value: S3UriEncoding.Encode(pair.Value, keepSlash: false)))
            .OrderBy(pair => pair.Name, StringComparer.Ordinal)
            .ThenBy(pair => pair.Value, StringComparer.Ordinal)
            .Select(pair => pair.Name + "=" + pair.Value));

    /// <summary>Values of a repeated header joined by ',', each trimmed, inner runs of spaces collapsed to one.</summary>
    public static string CanonicalHeaderValue(StringValues values) =>
        string.Join(',', values.Select(value => CollapseSpaces(value ?? "")));

    private static string CollapseSpaces(string value)
    {
        var builder = new StringBuilder(value.Length);
        var previousWasSpace = false;
        foreach (var c in value.Trim())
        {
            var isSpace = c is ' ' or '\t';
            if (!isSpace || !previousWasSpace)
            {
                builder.Append(isSpace ? ' ' : c);
            }

            previousWasSpace = isSpace;
        }

        return builder.ToString();
    }
}
