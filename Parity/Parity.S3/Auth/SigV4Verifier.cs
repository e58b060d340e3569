using System.Globalization;
using Parity.S3.Http;

namespace Parity.S3.Auth;

/// <summary>
/// Checks the AWS Signature Version 4 of a request, signed either in the Authorization header or in the query
/// string (a presigned URL), against the one root credential this server has.
/// </summary>
internal sealed class SigV4Verifier(S3ServerOptions options, TimeProvider time, ILogger<SigV4Verifier> logger)
{
    private const string Service = "s3";
    private const int MaxPresignedExpirySeconds = 7 * 24 * 3600;
    private static readonly TimeSpan AllowedClockSkew = TimeSpan.FromMinutes(15);

    public SignedRequest Verify(S3Request request)
    {
        var authorization = request.Header("Authorization");
        if (authorization is not null)
        {
            return VerifyAuthorizationHeader(request, authorization);
        }

        if (request.HasQuery("X-Amz-Algorithm"))
        {
            return VerifyPresigned(request);
        }

        if (request.HasQuery("AWSAccessKeyId"))
        {
            throw SignatureVersion2();
        }

        throw S3Errors.AccessDenied();
    }

    private SignedRequest VerifyAuthorizationHeader(S3Request request, string authorization)
    {
        if (authorization.StartsWith("AWS ", StringComparison.Ordinal))
        {
            throw SignatureVersion2();
        }

        var header = AuthorizationHeader.TryParse(authorization)
            ?? throw S3Errors.AuthorizationHeaderMalformed("The authorization header is malformed.");
        CheckCredential(header.Credential, S3Errors.AuthorizationHeaderMalformed);

        var amzDate = request.Header("x-amz-date") ?? AmzDate.FromHttpDate(request.Header("Date"));
        var date = AmzDate.TryParse(amzDate) ?? throw S3Errors.AccessDenied("AWS authentication requires a valid Date or x-amz-date header.");
        if (header.Credential.Date != amzDate![..8])
        {
            throw S3Errors.AuthorizationHeaderMalformed("Invalid credential date. Date is not the same as X-Amz-Date.");
        }

        if ((time.GetUtcNow() - date).Duration() > AllowedClockSkew)
        {
            throw S3Errors.RequestTimeTooSkewed();
        }

        var payloadHash = request.Header("x-amz-content-sha256")
            ?? throw S3Errors.InvalidRequest("Missing required header for this request: x-amz-content-sha256.");
        if (!PayloadHashes.IsKnown(payloadHash))
        {
            throw S3Errors.InvalidArgument("x-amz-content-sha256 must be UNSIGNED-PAYLOAD, a STREAMING- value, or a valid hex SHA-256.");
        }

        RequireHostSigned(header.SignedHeaders, S3Errors.AuthorizationHeaderMalformed);
        RequireAmzHeadersSigned(request, header.SignedHeaders);
        return CheckSignature(request, header.Credential, amzDate, header.SignedHeaders, header.Signature, payloadHash, request.Query, isPresigned: false);
    }

    private SignedRequest VerifyPresigned(S3Request request)
    {
        var error = S3Errors.AuthorizationQueryParametersError;
        if (request.QueryValue("X-Amz-Algorithm") != AuthorizationHeader.Algorithm)
        {
            throw error("X-Amz-Algorithm only supports \"AWS4-HMAC-SHA256\".");
        }

        var credential = CredentialScope.TryParse(request.QueryValue("X-Amz-Credential") ?? "")
            ?? throw error("Error parsing the X-Amz-Credential parameter.");
        var amzDate = request.QueryValue("X-Amz-Date");
        var date = AmzDate.TryParse(amzDate) ?? throw error("X-Amz-Date must be in the ISO8601 Long Format \"yyyyMMdd'T'HHmmss'Z'\".");
        if (!int.TryParse(request.QueryValue("X-Amz-Expires"), NumberStyles.None, CultureInfo.InvariantCulture, out var expires)
            || expires is < 1 or > MaxPresignedExpirySeconds)
        {
            throw error("X-Amz-Expires must be a number of seconds from 1 to 604800 (one week).");
        }

        var signedHeaders = request.QueryValue("X-Amz-SignedHeaders") is { Length: > 0 } list
            ? list.Split(';')
            : throw error("X-Amz-SignedHeaders is required.");
        var signature = request.QueryValue("X-Amz-Signature") is { } provided && AuthorizationHeader.IsHexSignature(provided)
            ? provided
            : throw error("X-Amz-Signature must be 64 hex digits.");

        CheckCredential(credential, error);
        if (credential.Date != amzDate![..8])
        {
            throw error("Invalid credential date. Date is not the same as X-Amz-Date.");
        }

        RequireHostSigned(signedHeaders, error);
        var now = time.GetUtcNow();
        if (now < date - AllowedClockSkew)
        {
            throw S3Errors.AccessDenied("Request is not valid yet.");
        }

        if (now > date.AddSeconds(expires))
        {
            throw S3Errors.AccessDenied("Request has expired.");
        }

        var payloadHash = request.QueryValue("X-Amz-Content-Sha256") ?? PayloadHashes.Unsigned;
        var query = request.Query.Where(pair => pair.Key != "X-Amz-Signature");
        return CheckSignature(request, credential, amzDate, signedHeaders, signature, payloadHash, query, isPresigned: true);
    }

    private SignedRequest CheckSignature(
        S3Request request,
        CredentialScope credential,
        string amzDate,
        IReadOnlyList<string> signedHeaders,
        string providedSignature,
        string payloadHash,
        IEnumerable<KeyValuePair<string, string>> query,
        bool isPresigned)
    {
        var canonicalRequest = CanonicalRequest.Build(request.Method, request.Path, query, signedHeaders, name => request.Headers[name], payloadHash);
        var stringToSign = CanonicalRequest.StringToSign(amzDate, credential.Scope, canonicalRequest);
        var signingKey = SigningKey.Derive(options.SecretKey, credential.Date, credential.Region, credential.Service);
        var expected = SigningKey.Sign(signingKey, stringToSign);
        if (!SigningKey.SignaturesEqual(expected, providedSignature))
        {
            // S3 puts these two in the error document; they are multi-line, which the MinIO .NET SDK cannot parse, so they go to the log.
            logger.LogDebug("Signature mismatch.\nCanonical request:\n{CanonicalRequest}\nString to sign:\n{StringToSign}", canonicalRequest, stringToSign);
            throw S3Errors.SignatureDoesNotMatch([new("AWSAccessKeyId", credential.AccessKey), new("SignatureProvided", providedSignature)]);
        }

        return new SignedRequest(amzDate, credential.Scope, signingKey, expected, payloadHash, isPresigned);
    }

    private void CheckCredential(CredentialScope credential, Func<string, S3Exception> malformed)
    {
        if (credential.AccessKey != options.AccessKey)
        {
            throw S3Errors.InvalidAccessKeyId();
        }

        if (credential.Region != options.Region)
        {
            throw malformed($"The authorization header is malformed; the region '{credential.Region}' is wrong; expecting '{options.Region}'.");
        }

        if (credential.Service != Service)
        {
            throw malformed($"The authorization header is malformed; incorrect service '{credential.Service}'. This endpoint belongs to 's3'.");
        }
    }

    private static void RequireHostSigned(IReadOnlyList<string> signedHeaders, Func<string, S3Exception> malformed)
    {
        if (!signedHeaders.Contains("host"))
        {
            throw malformed("The host header must be signed.");
        }
    }

    // An unsigned x-amz-* header could change what the request does (metadata, copy source) without the key holder's consent.
    private static void RequireAmzHeadersSigned(S3Request request, IReadOnlyList<string> signedHeaders)
    {
        var unsigned = request.Headers.Keys
            .Select(name => name.ToLowerInvariant())
            .Where(name => name.StartsWith("x-amz-", StringComparison.Ordinal) && !signedHeaders.Contains(name))
            .ToList();
        if (unsigned.Count > 0)
        {
            throw S3Errors.AccessDenied($"There were headers present in the request which were not signed: {string.Join(", ", unsigned)}.");
        }
    }

    private static S3Exception SignatureVersion2() =>
        S3Errors.InvalidRequest("The authorization mechanism you have provided is not supported. Please use AWS4-HMAC-SHA256.");
}
