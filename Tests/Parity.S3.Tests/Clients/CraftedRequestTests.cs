using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using Parity.S3.Tests.Server;
using Parity.S3.Tests.Signing;

namespace Parity.S3.Tests.Clients;

/// <summary>
/// Requests signed by the tests' own signer, to reach what the SDKs never send on their own: aws-chunked bodies with
/// signed and unsigned trailers, wrong checksums, truncated bodies, malformed input. None of it may produce a 500.
/// </summary>
public sealed class CraftedRequestTests(S3ServerFixture server) : IClassFixture<S3ServerFixture>, IAsyncLifetime
{
    private const string Crc32Trailer = "x-amz-checksum-crc32";
    private static readonly byte[] Data = Encoding.ASCII.GetBytes(string.Concat(Enumerable.Repeat("parity-s3 chunked body. ", 1000)));
    private readonly CancellationToken cancellation = TestContext.Current.CancellationToken;
    private readonly HttpClient http = new();
    private readonly TestSigV4Signer signer = new(S3ServerFixture.AccessKey, S3ServerFixture.SecretKey);
    private readonly string bucket = S3ServerFixture.NewBucketName();

    public async ValueTask InitializeAsync()
    {
        using var response = await SendAsync(HttpMethod.Put, $"/{bucket}", [], TestSigV4Signer.EmptySha256);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    public ValueTask DisposeAsync()
    {
        http.Dispose();
        return ValueTask.CompletedTask;
    }

    [Fact]
    public async Task Signed_chunks_with_a_signed_crc32_trailer_are_stored_and_the_checksum_is_returned()
    {
        using var response = await PutChunkedAsync("signed-trailer.txt", (time, seed) =>
            AwsChunkedBody.Encode(Data, 8192, Crc32(Data), signer, time, seed), signed: true);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(AwsChunkedBody.Crc32Base64(Data), response.Headers.GetValues(Crc32Trailer).Single());
        using var get = await SendAsync(HttpMethod.Get, $"/{bucket}/signed-trailer.txt", [], TestSigV4Signer.EmptySha256,
            request => request.Headers.Add("x-amz-checksum-mode", "ENABLED"));
        Assert.Equal(Data, await get.Content.ReadAsByteArrayAsync(cancellation));
        Assert.Equal(AwsChunkedBody.Crc32Base64(Data), get.Headers.GetValues(Crc32Trailer).Single());
    }

    [Fact]
    public async Task A_correctly_signed_but_wrong_crc32_trailer_is_refused_as_bad_digest()
    {
        var wrong = new Dictionary<string, string> { [Crc32Trailer] = AwsChunkedBody.Crc32Base64([.. Data, 0]) };
        using var response = await PutChunkedAsync("wrong-crc.txt", (time, seed) =>
            AwsChunkedBody.Encode(Data, 8192, wrong, signer, time, seed), signed: true);

        await AssertRefusedAsync(response, HttpStatusCode.BadRequest, "BadDigest");
        await AssertAbsentAsync("wrong-crc.txt");
    }

    [Fact]
    public async Task A_trailer_changed_after_signing_is_refused_as_a_bad_signature()
    {
        using var response = await PutChunkedAsync("changed-trailer.txt", (time, seed) =>
        {
            var body = AwsChunkedBody.Encode(Data, 8192, Crc32(Data), signer, time, seed);
            var trailer = Encoding.ASCII.GetBytes(Crc32Trailer + ":");
            var at = body.AsSpan().LastIndexOf(trailer) + trailer.Length;
            body[at] = body[at] == (byte)'A' ? (byte)'B' : (byte)'A';
            return body;
        }, signed: true);

        await AssertRefusedAsync(response, HttpStatusCode.Forbidden, "SignatureDoesNotMatch");
        await AssertAbsentAsync("changed-trailer.txt");
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Unsigned_chunks_with_a_crc32_trailer_are_stored_only_when_the_checksum_matches(bool checksumMatches)
    {
        var key = $"unsigned-trailer-{checksumMatches}.txt";
        var trailer = checksumMatches ? Crc32(Data) : Crc32([.. Data, 1]);
        using var response = await PutChunkedAsync(key, (_, _) => AwsChunkedBody.Encode(Data, 8192, trailer), signed: false);

        if (checksumMatches)
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal($"\"{Convert.ToHexStringLower(MD5.HashData(Data))}\"", response.Headers.ETag?.Tag);
        }
        else
        {
            await AssertRefusedAsync(response, HttpStatusCode.BadRequest, "BadDigest");
            await AssertAbsentAsync(key);
        }
    }

    [Fact]
    public async Task A_signed_chunked_body_missing_its_final_chunk_is_refused_as_incomplete()
    {
        using var response = await PutChunkedAsync("truncated.txt", (time, seed) =>
        {
            var body = AwsChunkedBody.Encode(Data, 8192, trailers: null, signer, time, seed);
            var finalChunk = body.AsSpan().LastIndexOf("0;chunk-signature="u8);
            return body[..finalChunk];
        }, signed: true, trailer: false);

        await AssertRefusedAsync(response, HttpStatusCode.BadRequest, "IncompleteBody");
        await AssertAbsentAsync("truncated.txt");
    }

    [Fact]
    public async Task A_wrong_header_checksum_or_content_md5_is_refused_as_bad_digest()
    {
        var body = Encoding.UTF8.GetBytes("checked body");
        using var sha = await SendAsync(HttpMethod.Put, $"/{bucket}/sha.txt", body, TestSigV4Signer.Sha256Hex(body),
            request => request.Headers.Add("x-amz-checksum-sha256", Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes("other body")))));
        await AssertRefusedAsync(sha, HttpStatusCode.BadRequest, "BadDigest");

        using var md5 = await SendAsync(HttpMethod.Put, $"/{bucket}/md5.txt", body, "UNSIGNED-PAYLOAD",
            request => request.Content!.Headers.ContentMD5 = MD5.HashData(Encoding.UTF8.GetBytes("other body")));
        await AssertRefusedAsync(md5, HttpStatusCode.BadRequest, "BadDigest");

        using var right = await SendAsync(HttpMethod.Put, $"/{bucket}/sha.txt", body, TestSigV4Signer.Sha256Hex(body),
            request => request.Headers.Add("x-amz-checksum-sha256", Convert.ToBase64String(SHA256.HashData(body))));
        Assert.Equal(HttpStatusCode.OK, right.StatusCode);
    }

    [Fact]
    public async Task An_x_amz_header_added_after_signing_is_refused()
    {
        var body = Encoding.UTF8.GetBytes("body");
        using var request = new HttpRequestMessage(HttpMethod.Put, new Uri(server.Endpoint, $"/{bucket}/smuggled.txt")) { Content = new ByteArrayContent(body) };
        signer.SignHeaders(request, DateTimeOffset.UtcNow, TestSigV4Signer.Sha256Hex(body));
        request.Headers.Add("x-amz-meta-smuggled", "yes");

        using var response = await http.SendAsync(request, cancellation);
        await AssertRefusedAsync(response, HttpStatusCode.Forbidden, "AccessDenied");
    }

    [Theory]
    [InlineData("POST", "/{bucket}?delete", "this is not xml", "MalformedXML")]
    [InlineData("PUT", "/Not_A_Valid_Bucket", "", "InvalidBucketName")]
    [InlineData("GET", "/{bucket}?list-type=2&max-keys=many", "", "InvalidArgument")]
    [InlineData("GET", "/{bucket}?list-type=2&continuation-token=%25%25%25", "", "InvalidArgument")]
    [InlineData("PUT", "/{bucket}/part?partNumber=1&uploadId=..%2F..%2F..%2Fetc", "x", "NoSuchUpload")]
    [InlineData("PUT", "/{bucket}/part?partNumber=0&uploadId=0123456789abcdef0123456789abcdef", "x", "InvalidArgument")]
    [InlineData("POST", "/{bucket}/key?uploadId=0123456789abcdef0123456789abcdef", "<CompleteMultipartUpload/>", "NoSuchUpload")]
    [InlineData("GET", "/{bucket}/missing-key", "", "NoSuchKey")]
    [InlineData("GET", "/no-such-bucket-here/key", "", "NoSuchBucket")]
    [InlineData("GET", "/{bucket}?acl", "", "NotImplemented")]
    public async Task Malformed_or_impossible_requests_get_an_s3_error_not_a_server_error(string method, string path, string body, string code)
    {
        var bytes = Encoding.UTF8.GetBytes(body);
        using var response = await SendAsync(new HttpMethod(method), path.Replace("{bucket}", bucket, StringComparison.Ordinal), bytes, TestSigV4Signer.Sha256Hex(bytes));

        var error = await S3ErrorDocument.ReadAsync(response, cancellation);
        Assert.InRange((int)error.Status, 400, 501);
        Assert.NotEqual(HttpStatusCode.InternalServerError, error.Status);
        Assert.Equal(code, error.Code);
    }

    [Fact]
    public async Task A_garbage_authorization_header_or_framing_is_a_client_error()
    {
        using var garbage = new HttpRequestMessage(HttpMethod.Get, new Uri(server.Endpoint, $"/{bucket}"));
        garbage.Headers.TryAddWithoutValidation("Authorization", "AWS4-HMAC-SHA256 Credential=nonsense");
        using var garbageResponse = await http.SendAsync(garbage, cancellation);
        await AssertRefusedAsync(garbageResponse, HttpStatusCode.BadRequest, "AuthorizationHeaderMalformed");

        using var badFraming = await PutChunkedAsync("bad-framing.txt", (_, _) => Encoding.ASCII.GetBytes("zz\r\nnot a chunk\r\n0\r\n\r\n"), signed: false);
        await AssertRefusedAsync(badFraming, HttpStatusCode.BadRequest, "IncompleteBody");
    }

    private static Dictionary<string, string> Crc32(byte[] data) => new() { [Crc32Trailer] = AwsChunkedBody.Crc32Base64(data) };

    /// <summary>PUTs an aws-chunked body; <paramref name="encode"/> gets the signing time and seed signature, for chained chunk signatures.</summary>
    private async Task<HttpResponseMessage> PutChunkedAsync(string key, Func<DateTimeOffset, string, byte[]> encode, bool signed, bool trailer = true)
    {
        var time = DateTimeOffset.UtcNow;
        var payloadHash = (signed, trailer) switch
        {
            (true, true) => "STREAMING-AWS4-HMAC-SHA256-PAYLOAD-TRAILER",
            (true, false) => "STREAMING-AWS4-HMAC-SHA256-PAYLOAD",
            _ => "STREAMING-UNSIGNED-PAYLOAD-TRAILER",
        };
        using var request = new HttpRequestMessage(HttpMethod.Put, new Uri(server.Endpoint, $"/{bucket}/{key}"));
        request.Headers.Add("x-amz-decoded-content-length", Data.Length.ToString(CultureInfo.InvariantCulture));
        if (trailer)
        {
            request.Headers.Add("x-amz-trailer", Crc32Trailer);
        }

        var seed = signer.SignHeaders(request, time, payloadHash);
        request.Content = new ByteArrayContent(encode(time, seed));
        request.Content.Headers.ContentEncoding.Add("aws-chunked");
        return await http.SendAsync(request, cancellation);
    }

    private async Task<HttpResponseMessage> SendAsync(HttpMethod method, string pathAndQuery, byte[] body, string payloadHash, Action<HttpRequestMessage>? beforeSigning = null)
    {
        using var request = new HttpRequestMessage(method, new Uri(server.Endpoint, pathAndQuery));
        if (body.Length > 0 || method == HttpMethod.Put || method == HttpMethod.Post)
        {
            request.Content = new ByteArrayContent(body);
            request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        }

        beforeSigning?.Invoke(request);
        signer.SignHeaders(request, DateTimeOffset.UtcNow, payloadHash);
        return await http.SendAsync(request, cancellation);
    }

    private async Task AssertRefusedAsync(HttpResponseMessage response, HttpStatusCode status, string code)
    {
        var error = await S3ErrorDocument.ReadAsync(response, cancellation);
        Assert.Equal((status, code), (error.Status, error.Code));
    }

    private async Task AssertAbsentAsync(string key)
    {
        using var head = await SendAsync(HttpMethod.Head, $"/{bucket}/{key}", [], TestSigV4Signer.EmptySha256);
        Assert.Equal(HttpStatusCode.NotFound, head.StatusCode);
    }
}
