using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Parity.Hosting.Integrations.Minio;

/// <summary>Signs a body-less request with AWS Signature Version 4 (enough for the readiness ListBuckets).</summary>
internal static class S3RequestSigner
{
    private const string Region = "us-east-1";
    private const string EmptyPayloadHash = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

    public static HttpRequestMessage Sign(HttpMethod method, Uri uri, string accessKey, string secretKey)
    {
        var now = DateTime.UtcNow;
        var amzDate = now.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);
        var day = amzDate[..8];
        var host = uri.IsDefaultPort ? uri.Host : $"{uri.Host}:{uri.Port}";
        var canonicalRequest = string.Join('\n',
            method.Method, uri.AbsolutePath, "",
            $"host:{host}", $"x-amz-content-sha256:{EmptyPayloadHash}", $"x-amz-date:{amzDate}", "",
            "host;x-amz-content-sha256;x-amz-date", EmptyPayloadHash);
        var scope = $"{day}/{Region}/s3/aws4_request";
        var stringToSign = $"AWS4-HMAC-SHA256\n{amzDate}\n{scope}\n{Hex(SHA256.HashData(Encoding.UTF8.GetBytes(canonicalRequest)))}";
        var key = new[] { day, Region, "s3", "aws4_request" }
            .Aggregate(Encoding.UTF8.GetBytes("AWS4" + secretKey), (current, part) => HMACSHA256.HashData(current, Encoding.UTF8.GetBytes(part)));
        var signature = Hex(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(stringToSign)));

        var request = new HttpRequestMessage(method, uri);
        request.Headers.Add("x-amz-content-sha256", EmptyPayloadHash);
        request.Headers.Add("x-amz-date", amzDate);
        request.Headers.TryAddWithoutValidation("Authorization",
            $"AWS4-HMAC-SHA256 Credential={accessKey}/{scope}, SignedHeaders=host;x-amz-content-sha256;x-amz-date, Signature={signature}");
        return request;
    }

    private static string Hex(byte[] bytes) => Convert.ToHexStringLower(bytes);
}
