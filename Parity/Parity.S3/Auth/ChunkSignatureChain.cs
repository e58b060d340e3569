using Parity.S3.Http;

namespace Parity.S3.Auth;

/// <summary>
/// Verifies the signatures of an aws-chunked body: each chunk's signature covers its data and the previous signature,
/// starting from the request's own (the seed), so chunks can be neither altered, dropped nor reordered.
/// </summary>
internal sealed class ChunkSignatureChain(byte[] signingKey, string amzDate, string scope, string seedSignature)
{
    private string previousSignature = seedSignature;

    public static ChunkSignatureChain From(SignedRequest request) =>
        new(request.SigningKey, request.AmzDate, request.Scope, request.Signature);

    public void VerifyChunk(string providedSignature, byte[] chunkSha256) =>
        Check(providedSignature,
            $"AWS4-HMAC-SHA256-PAYLOAD\n{amzDate}\n{scope}\n{previousSignature}\n{PayloadHashes.EmptySha256}\n{Convert.ToHexStringLower(chunkSha256)}");

    /// <param name="canonicalTrailers">Each trailer as "name:value\n", names lower-case and sorted.</param>
    public void VerifyTrailer(string providedSignature, string canonicalTrailers) =>
        Check(providedSignature,
            $"AWS4-HMAC-SHA256-TRAILER\n{amzDate}\n{scope}\n{previousSignature}\n{SigningKey.Sha256Hex(canonicalTrailers)}");

    private void Check(string providedSignature, string stringToSign)
    {
        var expected = SigningKey.Sign(signingKey, stringToSign);
        if (!SigningKey.SignaturesEqual(expected, providedSignature))
        {
            throw S3Errors.SignatureDoesNotMatch([new("Reason", "A chunk or trailer signature of the aws-chunked body does not match."), new("SignatureProvided", providedSignature)]);
        }

        previousSignature = expected;
    }
}
