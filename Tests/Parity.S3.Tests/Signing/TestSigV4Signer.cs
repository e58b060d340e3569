using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Parity.S3.Tests.Signing;

/// <summary>
/// A deliberately small SigV4 signer of the tests' own, written from AWS's documentation and checked against its
/// published examples, so crafted requests do not reuse the server's code they are meant to test.
/// </summary>
internal sealed class TestSigV4Signer(string accessKey, string secretKey, string region = "us-east-1")
{
    public const string EmptySha256 = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

    public string AccessKey => accessKey;

    public static string Hex(byte[] bytes) => Convert.ToHexString(bytes).ToLowerInvariant();

    public static string Sha256Hex(byte[] bytes) => Hex(SHA256.HashData(bytes));

    public static string AmzDate(DateTimeOffset time) => time.UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);

    public string Scope(DateTimeOffset time) => $"{time.UtcDateTime:yyyyMMdd}/{region}/s3/aws4_request";

    public byte[] SigningKey(DateTimeOffset time)
    {
        var key = Hmac(Encoding.UTF8.GetBytes("AWS4" + secretKey), time.UtcDateTime.ToString("yyyyMMdd", CultureInfo.InvariantCulture));
        key = Hmac(key, region);
        key = Hmac(key, "s3");
        return Hmac(key, "aws4_request");
    }

    public string Sign(DateTimeOffset time, string stringToSign) => Hex(Hmac(SigningKey(time), stringToSign));

    /// <summary>
    /// Adds x-amz-date, x-amz-content-sha256 and Authorization to a request whose path and query are already in
    /// canonical (RFC 3986) form. Signs host and every x-amz-* header present. Returns the signature (the chunk seed).
    /// </summary>
    public string SignHeaders(HttpRequestMessage request, DateTimeOffset time, string payloadHash)
    {
        var uri = request.RequestUri!;
        request.Headers.Add("x-amz-date", AmzDate(time));
        request.Headers.Add("x-amz-content-sha256", payloadHash);
        var headers = new SortedDictionary<string, string>(StringComparer.Ordinal) { ["host"] = uri.Authority };
        foreach (var (name, values) in request.Headers)
        {
            if (name.StartsWith("x-amz-", StringComparison.OrdinalIgnoreCase))
            {
                headers[name.ToLowerInvariant()] = string.Join(',', values).Trim();
            }
        }

        var signedHeaders = string.Join(';', headers.Keys);
        var canonicalRequest = string.Join('\n',
            request.Method.Method,
            uri.AbsolutePath,
            CanonicalQuery(uri.Query),
            string.Concat(headers.Select(header => $"{header.Key}:{header.Value}\n")),
            signedHeaders,
            payloadHash);
        var signature = Sign(time, StringToSign(time, canonicalRequest));
        request.Headers.TryAddWithoutValidation("Authorization",
            $"AWS4-HMAC-SHA256 Credential={accessKey}/{Scope(time)}, SignedHeaders={signedHeaders}, Signature={signature}");
        return signature;
    }

    /// <summary>A presigned GET URL for <paramref name="objectUri"/> (path already canonical), signed at <paramref name="time"/>.</summary>
    public Uri PresignGet(Uri objectUri, DateTimeOffset time, int expiresSeconds)
    {
        var query = string.Join('&',
            "X-Amz-Algorithm=AWS4-HMAC-SHA256",
            "X-Amz-Credential=" + Uri.EscapeDataString($"{accessKey}/{Scope(time)}"),
            "X-Amz-Date=" + AmzDate(time),
            "X-Amz-Expires=" + expiresSeconds.ToString(CultureInfo.InvariantCulture),
            "X-Amz-SignedHeaders=host");
        var canonicalRequest = string.Join('\n', "GET", objectUri.AbsolutePath, CanonicalQuery("?" + query), $"host:{objectUri.Authority}\n", "host", "UNSIGNED-PAYLOAD");
        var signature = Sign(time, StringToSign(time, canonicalRequest));
        return new Uri($"{objectUri.GetLeftPart(UriPartial.Path)}?{query}&X-Amz-Signature={signature}");
    }

    public string StringToSign(DateTimeOffset time, string canonicalRequest) =>
        $"AWS4-HMAC-SHA256\n{AmzDate(time)}\n{Scope(time)}\n{Sha256Hex(Encoding.UTF8.GetBytes(canonicalRequest))}";

    private static string CanonicalQuery(string query) =>
        string.Join('&', query.TrimStart('?')
            .Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Select(pair => pair.Contains('=') ? pair : pair + "=")
            .OrderBy(pair => pair, StringComparer.Ordinal));

    private static byte[] Hmac(byte[] key, string data) => HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(data));
}
