using System.Net;
using System.Text;
using Amazon.S3;
using Amazon.S3.Model;
using Minio.DataModel.Args;
using Parity.S3.Tests.Server;
using Parity.S3.Tests.Signing;

namespace Parity.S3.Tests.Clients;

/// <summary>Presigned URLs from both SDKs, fetched by a plain HttpClient that knows nothing of S3; and tampered or expired ones refused.</summary>
public sealed class PresignedUrlTests(S3ServerFixture server) : IClassFixture<S3ServerFixture>, IAsyncLifetime
{
    private const string Key = "shared/hello world.txt";
    private const string Content = "presigned hello";
    private readonly CancellationToken cancellation = TestContext.Current.CancellationToken;
    private readonly HttpClient http = new();
    private AmazonS3Client s3 = null!;
    private string bucket = null!;

    public async ValueTask InitializeAsync()
    {
        s3 = server.CreateAwsClient();
        bucket = S3ServerFixture.NewBucketName();
        await s3.PutBucketAsync(new PutBucketRequest { BucketName = bucket }, TestContext.Current.CancellationToken);
        await s3.PutObjectAsync(new PutObjectRequest { BucketName = bucket, Key = Key, ContentBody = Content }, TestContext.Current.CancellationToken);
        await s3.PutObjectAsync(new PutObjectRequest { BucketName = bucket, Key = "shared/other.txt", ContentBody = "other" }, TestContext.Current.CancellationToken);
    }

    public ValueTask DisposeAsync()
    {
        s3.Dispose();
        http.Dispose();
        return ValueTask.CompletedTask;
    }

    [Fact]
    public async Task An_aws_sdk_presigned_get_is_served_to_a_plain_http_client()
    {
        var url = await AwsPresignedGetAsync(DateTime.UtcNow.AddMinutes(10));

        Assert.Equal(Content, await http.GetStringAsync(url, cancellation));
    }

    [Fact]
    public async Task A_minio_presigned_get_is_served_to_a_plain_http_client()
    {
        using var minio = server.CreateMinioClient();
        var url = await minio.PresignedGetObjectAsync(new PresignedGetObjectArgs().WithBucket(bucket).WithObject(Key).WithExpiry(600));

        Assert.Equal(Content, await http.GetStringAsync(url, cancellation));
    }

    [Fact]
    public async Task An_aws_sdk_presigned_put_stores_what_a_plain_http_client_sends()
    {
        var url = await s3.GetPreSignedURLAsync(new GetPreSignedUrlRequest
        {
            BucketName = bucket,
            Key = "uploads/from-browser.txt",
            Verb = HttpVerb.PUT,
            Expires = DateTime.UtcNow.AddMinutes(10),
            Protocol = Protocol.HTTP,
        });

        using var put = await http.PutAsync(url, new StringContent("sent without an SDK", Encoding.UTF8), cancellation);
        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        using var get = await s3.GetObjectAsync(bucket, "uploads/from-browser.txt", cancellation);
        using var reader = new StreamReader(get.ResponseStream);
        Assert.Equal("sent without an SDK", await reader.ReadToEndAsync(cancellation));
    }

    [Theory]
    [InlineData("signature")]
    [InlineData("key")]
    [InlineData("expiry")]
    public async Task A_tampered_presigned_url_is_refused(string tamperedPart)
    {
        var url = await AwsPresignedGetAsync(DateTime.UtcNow.AddMinutes(10));
        var tampered = tamperedPart switch
        {
            "signature" => FlipLastHexDigit(url),
            "key" => url.Replace("hello%20world.txt", "other.txt", StringComparison.Ordinal),
            _ => ReplaceExpires(url, "604800"),
        };
        Assert.NotEqual(url, tampered);

        using var response = await http.GetAsync(tampered, cancellation);
        var error = await S3ErrorDocument.ReadAsync(response, cancellation);
        Assert.Equal(HttpStatusCode.Forbidden, error.Status);
        Assert.Equal("SignatureDoesNotMatch", error.Code);
    }

    [Fact]
    public async Task A_presigned_url_signed_long_ago_is_refused_as_expired()
    {
        var signer = new TestSigV4Signer(S3ServerFixture.AccessKey, S3ServerFixture.SecretKey);
        var objectUri = new Uri(server.Endpoint, $"/{bucket}/shared/hello%20world.txt");
        var fresh = signer.PresignGet(objectUri, DateTimeOffset.UtcNow, expiresSeconds: 60);
        var stale = signer.PresignGet(objectUri, DateTimeOffset.UtcNow.AddHours(-2), expiresSeconds: 60);

        Assert.Equal(Content, await http.GetStringAsync(fresh, cancellation));
        using var response = await http.GetAsync(stale, cancellation);
        var error = await S3ErrorDocument.ReadAsync(response, cancellation);
        Assert.Equal(HttpStatusCode.Forbidden, error.Status);
        Assert.Equal("AccessDenied", error.Code);
        Assert.Contains("expired", error.Message, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task A_one_second_minio_presigned_url_stops_working_after_it_expires()
    {
        using var minio = server.CreateMinioClient();
        var url = await minio.PresignedGetObjectAsync(new PresignedGetObjectArgs().WithBucket(bucket).WithObject(Key).WithExpiry(1));

        // X-Amz-Date has one-second resolution: past two seconds the URL is expired whatever the rounding.
        await Task.Delay(TimeSpan.FromSeconds(2.5), cancellation);
        using var response = await http.GetAsync(url, cancellation);
        var error = await S3ErrorDocument.ReadAsync(response, cancellation);
        Assert.Equal(HttpStatusCode.Forbidden, error.Status);
        Assert.Equal("AccessDenied", error.Code);
    }

    private Task<string> AwsPresignedGetAsync(DateTime expires) =>
        s3.GetPreSignedURLAsync(new GetPreSignedUrlRequest
        {
            BucketName = bucket,
            Key = Key,
            Verb = HttpVerb.GET,
            Expires = expires,
            Protocol = Protocol.HTTP,
        });

    private static string FlipLastHexDigit(string url) =>
        url[..^1] + (url[^1] == '0' ? '1' : '0');

    private static string ReplaceExpires(string url, string seconds)
    {
        var start = url.IndexOf("X-Amz-Expires=", StringComparison.Ordinal) + "X-Amz-Expires=".Length;
        var end = url.IndexOf('&', start);
        return url[..start] + seconds + (end < 0 ? "" : url[end..]);
    }
}
