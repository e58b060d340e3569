using System.Globalization;
using System.Security.Cryptography;
using Parity.S3.Auth;
using Parity.S3.Http;
using Parity.S3.Storage;

namespace Parity.S3.Payload;

/// <summary>
/// The request body as the operation reads it: aws-chunked framing removed, and every integrity claim the client made
/// checked when the body ends: x-amz-content-sha256, chunk and trailer signatures, Content-MD5, x-amz-checksum-*
/// (as a header or a trailer) and x-amz-decoded-content-length.
/// </summary>
internal sealed class RequestPayload
{
    private string? verifiedChecksum;

    private RequestPayload(Stream body, ChecksumAlgorithm? checksumAlgorithm)
    {
        Body = body;
        ChecksumAlgorithm = checksumAlgorithm;
    }

    public Stream Body { get; private set; }

    public ChecksumAlgorithm? ChecksumAlgorithm { get; }

    /// <summary>The client's additional checksum, once the body has been read to its end and the checksum matched.</summary>
    public ObjectChecksum? Checksum =>
        ChecksumAlgorithm is not null && verifiedChecksum is not null ? new ObjectChecksum(ChecksumAlgorithm.Name, verifiedChecksum) : null;

    public static RequestPayload Open(S3Request request, Stream rawBody, SignedRequest signed)
    {
        var body = rawBody;
        AwsChunkedStream? chunked = null;
        var payloadHash = signed.PayloadHash;
        if (PayloadHashes.IsStreaming(payloadHash))
        {
            if (!long.TryParse(request.Header("x-amz-decoded-content-length"), NumberStyles.None, CultureInfo.InvariantCulture, out var decodedLength))
            {
                throw S3Errors.MissingContentLength();
            }

            var signatures = PayloadHashes.HasSignedChunks(payloadHash) ? ChunkSignatureChain.From(signed) : null;
            chunked = new AwsChunkedStream(body, signatures, PayloadHashes.HasTrailer(payloadHash));
            body = new LengthCheckingStream(chunked, decodedLength);
        }
        else if (PayloadHashes.IsHexSha256(payloadHash))
        {
            body = new ChecksumVerifyingStream(body, new IncrementalHashChecksum(HashAlgorithmName.SHA256), digest =>
            {
                if (!string.Equals(Convert.ToHexStringLower(digest), payloadHash, StringComparison.OrdinalIgnoreCase))
                {
                    throw S3Errors.ContentSha256Mismatch();
                }
            });
        }

        if (request.Header("Content-MD5") is { } contentMd5)
        {
            body = VerifyContentMd5(body, contentMd5);
        }

        var (algorithm, expected) = FindChecksumClaim(request, chunked);
        var payload = new RequestPayload(body, algorithm);
        if (algorithm is not null)
        {
            payload.Body = new ChecksumVerifyingStream(body, algorithm.Create(), digest =>
            {
                var computed = Convert.ToBase64String(digest);
                if (computed != expected!())
                {
                    throw S3Errors.BadDigest(algorithm.HeaderName);
                }

                payload.verifiedChecksum = computed;
            });
        }

        return payload;
    }

    private static ChecksumVerifyingStream VerifyContentMd5(Stream body, string contentMd5)
    {
        var expected = new byte[16];
        if (!Convert.TryFromBase64String(contentMd5, expected, out var length) || length != expected.Length)
        {
            throw S3Errors.InvalidDigest("Content-MD5");
        }

        return new ChecksumVerifyingStream(body, new IncrementalHashChecksum(HashAlgorithmName.MD5), digest =>
        {
            if (!digest.AsSpan().SequenceEqual(expected))
            {
                throw S3Errors.BadDigest("Content-MD5");
            }
        });
    }

    /// <summary>The checksum the client claims, with a way to get its value once the body has ended (a trailer comes last).</summary>
    private static (ChecksumAlgorithm? Algorithm, Func<string>? Expected) FindChecksumClaim(S3Request request, AwsChunkedStream? chunked)
    {
        // On CompleteMultipartUpload an x-amz-checksum-* header is the whole object's checksum, not that of the XML body.
        var headersDescribeBody = !(request.Method == HttpMethods.Post && request.HasQuery("uploadId"));
        foreach (var algorithm in headersDescribeBody ? ChecksumAlgorithm.All : [])
        {
            if (request.Header(algorithm.HeaderName) is { } value)
            {
                return (algorithm, () => value);
            }
        }

        var trailerNames = (request.Header("x-amz-trailer") ?? "")
            .Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        foreach (var name in trailerNames)
        {
            if (ChecksumAlgorithm.FromHeaderName(name) is not { } algorithm)
            {
                continue;
            }

            if (chunked is null)
            {
                throw S3Errors.InvalidRequest("x-amz-trailer needs an aws-chunked body with a STREAMING-...-TRAILER x-amz-content-sha256.");
            }

            var trailerName = name.ToLowerInvariant();
            return (algorithm, () => chunked.Trailers.TryGetValue(trailerName, out var value)
                ? value
                : throw S3Errors.MalformedTrailer($"The body did not end with the {trailerName} trailer that x-amz-trailer announced."));
        }

        return (null, null);
    }
}
