using System.Net;
using System.Security.Cryptography;
using System.Text;
using Amazon.S3;
using Amazon.S3.Model;
using Parity.S3.Tests.Server;
using static Parity.S3.Tests.Clients.AwsSdkTestSteps;

namespace Parity.S3.Tests.Clients;

/// <summary>AWSSDK.S3 4.x with its default settings (flexible checksums, aws-chunked uploads) against the server.</summary>
public sealed class AwsSdkBucketAndObjectTests(S3ServerFixture server) : IClassFixture<S3ServerFixture>
{
    private readonly CancellationToken cancellation = TestContext.Current.CancellationToken;

    [Fact]
    public async Task Buckets_are_created_listed_probed_and_deleted_only_when_empty()
    {
        using var s3 = server.CreateAwsClient();
        var bucket = S3ServerFixture.NewBucketName();

        await s3.PutBucketAsync(new PutBucketRequest { BucketName = bucket }, cancellation);
        var listed = await s3.ListBucketsAsync(new ListBucketsRequest(), cancellation);
        Assert.Contains(listed.Buckets, b => b.BucketName == bucket && b.CreationDate > DateTime.UtcNow.AddMinutes(-5));

        var head = await s3.HeadBucketAsync(new HeadBucketRequest { BucketName = bucket }, cancellation);
        Assert.Equal(HttpStatusCode.OK, head.HttpStatusCode);

        var again = await Assert.ThrowsAnyAsync<AmazonS3Exception>(() => s3.PutBucketAsync(new PutBucketRequest { BucketName = bucket }, cancellation));
        Assert.Equal("BucketAlreadyOwnedByYou", again.ErrorCode);

        await s3.PutObjectAsync(new PutObjectRequest { BucketName = bucket, Key = "keep", ContentBody = "x" }, cancellation);
        var notEmpty = await Assert.ThrowsAnyAsync<AmazonS3Exception>(() => s3.DeleteBucketAsync(bucket, cancellation));
        Assert.Equal(HttpStatusCode.Conflict, notEmpty.StatusCode);
        Assert.Equal("BucketNotEmpty", notEmpty.ErrorCode);

        await s3.DeleteObjectAsync(bucket, "keep", cancellation);
        await s3.DeleteBucketAsync(bucket, cancellation);
        listed = await s3.ListBucketsAsync(new ListBucketsRequest(), cancellation);
        Assert.DoesNotContain(listed.Buckets ?? [], b => b.BucketName == bucket);
        var missing = await Assert.ThrowsAnyAsync<AmazonS3Exception>(() => s3.HeadBucketAsync(new HeadBucketRequest { BucketName = bucket }, cancellation));
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }

    [Fact]
    public async Task An_object_round_trips_with_its_metadata_content_type_and_md5_etag()
    {
        using var s3 = server.CreateAwsClient();
        var bucket = await CreateBucketAsync(s3, cancellation);
        const string key = "photos/2026/café ☕/cat+dog (1).txt";
        var content = Encoding.UTF8.GetBytes("Hello from Parity.S3 — ünïcödé body");
        var put = new PutObjectRequest { BucketName = bucket, Key = key, InputStream = new MemoryStream(content), ContentType = "text/plain; charset=utf-8" };
        put.Metadata["owner"] = "alice";
        put.Metadata["purpose"] = "round trip";

        var putResponse = await s3.PutObjectAsync(put, cancellation);
        var md5 = Convert.ToHexStringLower(MD5.HashData(content));
        Assert.Equal($"\"{md5}\"", putResponse.ETag);

        using var get = await s3.GetObjectAsync(bucket, key, cancellation);
        Assert.Equal(content, await ReadAllAsync(get.ResponseStream, cancellation));
        Assert.Equal("text/plain; charset=utf-8", get.Headers.ContentType);
        Assert.Equal("alice", get.Metadata["owner"]);
        Assert.Equal("round trip", get.Metadata["purpose"]);
        Assert.Equal($"\"{md5}\"", get.ETag);

        var head = await s3.GetObjectMetadataAsync(bucket, key, cancellation);
        Assert.Equal(content.Length, head.ContentLength);
        Assert.Equal("alice", head.Metadata["owner"]);

        await s3.DeleteObjectAsync(bucket, key, cancellation);
        var gone = await Assert.ThrowsAnyAsync<AmazonS3Exception>(() => s3.GetObjectAsync(bucket, key, cancellation));
        Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
        Assert.Equal("NoSuchKey", gone.ErrorCode);
    }

    [Fact]
    public async Task A_range_request_returns_only_the_requested_bytes()
    {
        using var s3 = server.CreateAwsClient();
        var bucket = await CreateBucketAsync(s3, cancellation);
        await s3.PutObjectAsync(new PutObjectRequest { BucketName = bucket, Key = "digits", ContentBody = "0123456789" }, cancellation);

        using var middle = await s3.GetObjectAsync(new GetObjectRequest { BucketName = bucket, Key = "digits", ByteRange = new ByteRange(2, 5) }, cancellation);
        Assert.Equal(HttpStatusCode.PartialContent, middle.HttpStatusCode);
        Assert.Equal("2345", Encoding.ASCII.GetString(await ReadAllAsync(middle.ResponseStream, cancellation)));
        Assert.Equal("bytes 2-5/10", middle.ContentRange);

        using var tail = await s3.GetObjectAsync(new GetObjectRequest { BucketName = bucket, Key = "digits", ByteRange = new ByteRange("bytes=-3") }, cancellation);
        Assert.Equal("789", Encoding.ASCII.GetString(await ReadAllAsync(tail.ResponseStream, cancellation)));

        var beyond = await Assert.ThrowsAnyAsync<AmazonS3Exception>(() =>
            s3.GetObjectAsync(new GetObjectRequest { BucketName = bucket, Key = "digits", ByteRange = new ByteRange(10, 20) }, cancellation));
        Assert.Equal(HttpStatusCode.RequestedRangeNotSatisfiable, beyond.StatusCode);
    }

    [Fact]
    public async Task Copy_keeps_or_replaces_metadata_as_the_directive_says()
    {
        using var s3 = server.CreateAwsClient();
        var bucket = await CreateBucketAsync(s3, cancellation);
        var target = await CreateBucketAsync(s3, cancellation);
        var put = new PutObjectRequest { BucketName = bucket, Key = "source/a.json", ContentBody = "{\"a\":1}", ContentType = "application/json" };
        put.Metadata["colour"] = "blue";
        var original = await s3.PutObjectAsync(put, cancellation);

        var copied = await s3.CopyObjectAsync(new CopyObjectRequest
        {
            SourceBucket = bucket,
            SourceKey = "source/a.json",
            DestinationBucket = target,
            DestinationKey = "copies/a.json",
        }, cancellation);
        Assert.Equal(original.ETag, copied.ETag);
        var copyHead = await s3.GetObjectMetadataAsync(target, "copies/a.json", cancellation);
        Assert.Equal("blue", copyHead.Metadata["colour"]);
        Assert.Equal("application/json", copyHead.Headers.ContentType);

        var replace = new CopyObjectRequest
        {
            SourceBucket = bucket,
            SourceKey = "source/a.json",
            DestinationBucket = bucket,
            DestinationKey = "source/a.json",
            MetadataDirective = S3MetadataDirective.REPLACE,
            ContentType = "text/plain",
        };
        replace.Metadata["colour"] = "red";
        await s3.CopyObjectAsync(replace, cancellation);
        var replacedHead = await s3.GetObjectMetadataAsync(bucket, "source/a.json", cancellation);
        Assert.Equal("red", replacedHead.Metadata["colour"]);
        Assert.Equal("text/plain", replacedHead.Headers.ContentType);
        using var body = await s3.GetObjectAsync(target, "copies/a.json", cancellation);
        Assert.Equal("{\"a\":1}", Encoding.UTF8.GetString(await ReadAllAsync(body.ResponseStream, cancellation)));
    }

    [Fact]
    public async Task DeleteObjects_removes_every_listed_key()
    {
        using var s3 = server.CreateAwsClient();
        var bucket = await CreateBucketAsync(s3, cancellation);
        string[] keys = ["a", "b/c", "d e"];
        foreach (var key in keys)
        {
            await s3.PutObjectAsync(new PutObjectRequest { BucketName = bucket, Key = key, ContentBody = key }, cancellation);
        }

        var deleted = await s3.DeleteObjectsAsync(new DeleteObjectsRequest
        {
            BucketName = bucket,
            Objects = [.. keys.Select(key => new KeyVersion { Key = key }), new KeyVersion { Key = "never-existed" }],
        }, cancellation);
        Assert.Equal([.. keys, "never-existed"], deleted.DeletedObjects.Select(d => d.Key).Order(StringComparer.Ordinal));
        var remaining = await s3.ListObjectsV2Async(new ListObjectsV2Request { BucketName = bucket }, cancellation);
        Assert.Empty(remaining.S3Objects ?? []);
    }
}
