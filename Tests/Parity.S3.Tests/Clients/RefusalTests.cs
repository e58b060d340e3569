using System.Net;
using System.Text;
using Amazon.S3;
using Amazon.S3.Model;
using Minio.DataModel.Args;
using Minio.Exceptions;
using Parity.S3.Tests.Server;
using Parity.S3.Tests.Signing;

namespace Parity.S3.Tests.Clients;

/// <summary>Requests that must be refused: wrong credentials, bodies changed after signing, anonymous or malformed requests.</summary>
public sealed class RefusalTests(S3ServerFixture server) : IClassFixture<S3ServerFixture>, IAsyncLifetime
{
    private readonly CancellationToken cancellation = TestContext.Current.CancellationToken;
    private readonly HttpClient http = new();
    private readonly TestSigV4Signer signer = new(S3ServerFixture.AccessKey, S3ServerFixture.SecretKey);
    private AmazonS3Client s3 = null!;
    private string bucket = null!;

    public async ValueTask InitializeAsync()
    {
        s3 = server.CreateAwsClient();
        bucket = S3ServerFixture.NewBucketName();
        await s3.PutBucketAsync(new PutBucketRequest { BucketName = bucket }, TestContext.Current.CancellationToken);
    }

    public ValueTask DisposeAsync()
    {
        s3.Dispose();
        http.Dispose();
        return ValueTask.CompletedTask;
    }

    [Fact]
    public async Task The_right_access_key_with_a_wrong_secret_is_refused_and_stores_nothing()
    {
        using var impostor = server.CreateAwsClient(secretKey: S3ServerFixture.SecretKey + "x");

        var list = await Assert.ThrowsAnyAsync<AmazonS3Exception>(() => impostor.ListBucketsAsync(new ListBucketsRequest(), cancellation));
        Assert.Equal(HttpStatusCode.Forbidden, list.StatusCode);
        Assert.Equal("SignatureDoesNotMatch", list.ErrorCode);

        var put = await Assert.ThrowsAnyAsync<AmazonS3Exception>(() =>
            impostor.PutObjectAsync(new PutObjectRequest { BucketName = bucket, Key = "intruder.txt", ContentBody = "should not land" }, cancellation));
        Assert.Equal(HttpStatusCode.Forbidden, put.StatusCode);
        await AssertAbsentAsync("intruder.txt");
    }

    [Fact]
    public async Task A_large_upload_with_a_wrong_secret_gets_a_readable_refusal_not_a_broken_connection()
    {
        using var impostor = server.CreateAwsClient(secretKey: S3ServerFixture.SecretKey + "x");
        var large = new byte[20 * 1024 * 1024];

        var put = await Assert.ThrowsAnyAsync<AmazonS3Exception>(() =>
            impostor.PutObjectAsync(new PutObjectRequest { BucketName = bucket, Key = "large-intruder.bin", InputStream = new MemoryStream(large) }, cancellation));
        Assert.Equal(HttpStatusCode.Forbidden, put.StatusCode);
        Assert.Equal("SignatureDoesNotMatch", put.ErrorCode);
        await AssertAbsentAsync("large-intruder.bin");
    }

    [Fact]
    public async Task A_minio_client_with_a_wrong_secret_is_refused()
    {
        using var impostor = server.CreateMinioClient(secretKey: "not-the-secret");

        // The SDK turns SignatureDoesNotMatch and InvalidAccessKeyId into this exception and nothing else.
        await Assert.ThrowsAsync<AuthorizationException>(() => impostor.ListBucketsAsync(cancellation));
    }

    [Fact]
    public async Task An_unknown_access_key_is_refused()
    {
        using var stranger = server.CreateAwsClient(accessKey: "someone-else");

        var refused = await Assert.ThrowsAnyAsync<AmazonS3Exception>(() => stranger.ListBucketsAsync(new ListBucketsRequest(), cancellation));
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal("InvalidAccessKeyId", refused.ErrorCode);
    }

    [Fact]
    public async Task An_anonymous_request_is_refused_but_the_health_probes_answer()
    {
        using var anonymous = await http.GetAsync(new Uri(server.Endpoint, $"/{bucket}/anything"), cancellation);
        var error = await S3ErrorDocument.ReadAsync(anonymous, cancellation);
        Assert.Equal(HttpStatusCode.Forbidden, error.Status);
        Assert.Equal("AccessDenied", error.Code);

        using var live = await http.GetAsync(new Uri(server.Endpoint, "/minio/health/live"), cancellation);
        using var ready = await http.GetAsync(new Uri(server.Endpoint, "/minio/health/ready"), cancellation);
        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
    }

    [Fact]
    public async Task A_body_changed_after_the_aws_sdk_signed_its_chunks_is_refused_and_not_stored()
    {
        using var tampering = new BodyTamperingHandler(BodyTamperingHandler.FlipFirstChunkDataByte);
        using var client = server.CreateAwsClient(httpClientFactory: new TamperingHttpClientFactory(tampering));

        var refused = await Assert.ThrowsAnyAsync<AmazonS3Exception>(() =>
            client.PutObjectAsync(new PutObjectRequest { BucketName = bucket, Key = "tampered-chunks.txt", ContentBody = "signed, then changed in flight" }, cancellation));

        Assert.True(tampering.TamperedRequests > 0);
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal("SignatureDoesNotMatch", refused.ErrorCode);
        await AssertAbsentAsync("tampered-chunks.txt");
    }

    [Fact]
    public async Task A_body_changed_after_the_minio_client_hashed_it_is_refused_and_not_stored()
    {
        using var tampering = new BodyTamperingHandler(body => BodyTamperingHandler.FlipByteAt(body, 3));
        using var httpClient = new HttpClient(tampering, disposeHandler: false);
        using var minio = server.CreateMinioClient(httpClient: httpClient);
        var content = Encoding.UTF8.GetBytes("hashed, then changed in flight");

        var refused = await Assert.ThrowsAnyAsync<MinioException>(() => minio.PutObjectAsync(new PutObjectArgs()
            .WithBucket(bucket).WithObject("tampered-hash.txt").WithStreamData(new MemoryStream(content)).WithObjectSize(content.Length), cancellation));

        Assert.True(tampering.TamperedRequests > 0);
        // A body that does not match its signed x-amz-content-sha256 is S3's 400 XAmzContentSHA256Mismatch.
        Assert.Equal("XAmzContentSHA256Mismatch", refused.Response?.Code);
        await AssertAbsentAsync("tampered-hash.txt");
    }

    [Fact]
    public async Task A_tampered_body_with_a_matching_but_unsigned_hash_is_refused_as_a_bad_signature()
    {
        var original = Encoding.UTF8.GetBytes("original body");
        var forged = Encoding.UTF8.GetBytes("forged body!!");
        using var request = new HttpRequestMessage(HttpMethod.Put, new Uri(server.Endpoint, $"/{bucket}/forged.txt")) { Content = new ByteArrayContent(forged) };
        signer.SignHeaders(request, DateTimeOffset.UtcNow, TestSigV4Signer.Sha256Hex(original));
        request.Headers.Remove("x-amz-content-sha256");
        request.Headers.Add("x-amz-content-sha256", TestSigV4Signer.Sha256Hex(forged));

        using var response = await http.SendAsync(request, cancellation);
        var error = await S3ErrorDocument.ReadAsync(response, cancellation);
        Assert.Equal(HttpStatusCode.Forbidden, error.Status);
        Assert.Equal("SignatureDoesNotMatch", error.Code);
        await AssertAbsentAsync("forged.txt");
    }

    [Fact]
    public async Task A_request_signed_an_hour_ago_is_refused_as_skewed()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(server.Endpoint, $"/{bucket}?list-type=2"));
        signer.SignHeaders(request, DateTimeOffset.UtcNow.AddHours(-1), TestSigV4Signer.EmptySha256);

        using var response = await http.SendAsync(request, cancellation);
        var error = await S3ErrorDocument.ReadAsync(response, cancellation);
        Assert.Equal(HttpStatusCode.Forbidden, error.Status);
        Assert.Equal("RequestTimeTooSkewed", error.Code);
    }

    private async Task AssertAbsentAsync(string key)
    {
        var missing = await Assert.ThrowsAnyAsync<AmazonS3Exception>(() => s3.GetObjectMetadataAsync(bucket, key, cancellation));
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }
}
