using System.Security.Cryptography;
using Amazon.S3;
using Amazon.S3.Model;
using Amazon.S3.Transfer;
using Parity.S3.Tests.Server;
using static Parity.S3.Tests.Clients.AwsSdkTestSteps;

namespace Parity.S3.Tests.Clients;

/// <summary>AWSSDK.S3's multipart paths (TransferUtility and explicit calls) and its listings.</summary>
public sealed class AwsSdkMultipartAndListingTests(S3ServerFixture server) : IClassFixture<S3ServerFixture>
{
    private const int MiB = 1024 * 1024;
    private readonly CancellationToken cancellation = TestContext.Current.CancellationToken;

    [Fact]
    public async Task TransferUtility_uploads_a_large_stream_in_parts_that_read_back_intact()
    {
        using var s3 = server.CreateAwsClient();
        var bucket = await CreateBucketAsync(s3, cancellation);
        // Past TransferUtility's 16 MiB threshold, below which it sends one PutObject.
        var content = RandomBytes((16 * MiB) + 12345);

        using var transfer = new TransferUtility(s3);
        await transfer.UploadAsync(new TransferUtilityUploadRequest
        {
            BucketName = bucket,
            Key = "big/blob.bin",
            InputStream = new MemoryStream(content),
            PartSize = 5 * MiB,
            ContentType = "application/octet-stream",
        }, cancellation);

        var head = await s3.GetObjectMetadataAsync(bucket, "big/blob.bin", cancellation);
        Assert.Equal(content.Length, head.ContentLength);
        Assert.EndsWith("-4\"", head.ETag);
        using var get = await s3.GetObjectAsync(bucket, "big/blob.bin", cancellation);
        Assert.Equal(SHA256.HashData(content), await SHA256.HashDataAsync(get.ResponseStream, cancellation));
    }

    [Fact]
    public async Task Explicit_multipart_lists_its_parts_completes_with_the_md5_of_md5s_and_can_be_aborted()
    {
        using var s3 = server.CreateAwsClient();
        var bucket = await CreateBucketAsync(s3, cancellation);
        byte[][] parts = [RandomBytes(5 * MiB), RandomBytes(1234)];

        var created = await s3.InitiateMultipartUploadAsync(bucket, "assembled.bin", cancellation);
        var etags = new List<PartETag>();
        for (var i = 0; i < parts.Length; i++)
        {
            var uploaded = await s3.UploadPartAsync(new UploadPartRequest
            {
                BucketName = bucket,
                Key = "assembled.bin",
                UploadId = created.UploadId,
                PartNumber = i + 1,
                InputStream = new MemoryStream(parts[i]),
            }, cancellation);
            etags.Add(new PartETag(i + 1, uploaded.ETag));
        }

        var listed = await s3.ListPartsAsync(bucket, "assembled.bin", created.UploadId, cancellation);
        Assert.Equal([parts[0].Length, parts[1].Length], listed.Parts.Select(p => (int)p.Size!.Value));

        var completed = await s3.CompleteMultipartUploadAsync(new CompleteMultipartUploadRequest
        {
            BucketName = bucket,
            Key = "assembled.bin",
            UploadId = created.UploadId,
            PartETags = etags,
        }, cancellation);
        var expectedETag = Convert.ToHexStringLower(MD5.HashData([.. MD5.HashData(parts[0]), .. MD5.HashData(parts[1])])) + "-2";
        Assert.Equal($"\"{expectedETag}\"", completed.ETag);
        using (var get = await s3.GetObjectAsync(bucket, "assembled.bin", cancellation))
        {
            Assert.Equal(SHA256.HashData([.. parts[0], .. parts[1]]), await SHA256.HashDataAsync(get.ResponseStream, cancellation));
        }

        var abandoned = await s3.InitiateMultipartUploadAsync(bucket, "abandoned.bin", cancellation);
        await s3.AbortMultipartUploadAsync(bucket, "abandoned.bin", abandoned.UploadId, cancellation);
        var afterAbort = await Assert.ThrowsAnyAsync<AmazonS3Exception>(() => s3.ListPartsAsync(bucket, "abandoned.bin", abandoned.UploadId, cancellation));
        Assert.Equal("NoSuchUpload", afterAbort.ErrorCode);
    }

    [Fact]
    public async Task Parts_can_be_copied_from_ranges_of_an_object_and_read_back_one_by_one()
    {
        using var s3 = server.CreateAwsClient();
        var bucket = await CreateBucketAsync(s3, cancellation);
        var source = RandomBytes((6 * MiB) + 100);
        await s3.PutObjectAsync(new PutObjectRequest { BucketName = bucket, Key = "source.bin", InputStream = new MemoryStream(source) }, cancellation);

        var created = await s3.InitiateMultipartUploadAsync(bucket, "copied.bin", cancellation);
        var etags = new List<PartETag>();
        foreach (var (part, first, last) in new[] { (1, 0L, (5L * MiB) - 1), (2, 5L * MiB, source.Length - 1L) })
        {
            var copied = await s3.CopyPartAsync(new CopyPartRequest
            {
                SourceBucket = bucket,
                SourceKey = "source.bin",
                DestinationBucket = bucket,
                DestinationKey = "copied.bin",
                UploadId = created.UploadId,
                PartNumber = part,
                FirstByte = first,
                LastByte = last,
            }, cancellation);
            etags.Add(new PartETag(part, copied.ETag));
        }

        await s3.CompleteMultipartUploadAsync(new CompleteMultipartUploadRequest
        {
            BucketName = bucket,
            Key = "copied.bin",
            UploadId = created.UploadId,
            PartETags = etags,
        }, cancellation);

        using var second = await s3.GetObjectAsync(new GetObjectRequest { BucketName = bucket, Key = "copied.bin", PartNumber = 2 }, cancellation);
        Assert.Equal(2, second.PartsCount);
        Assert.Equal(source[(5 * MiB)..], await ReadAllAsync(second.ResponseStream, cancellation));
        using var whole = await s3.GetObjectAsync(bucket, "copied.bin", cancellation);
        Assert.Equal(SHA256.HashData(source), await SHA256.HashDataAsync(whole.ResponseStream, cancellation));
    }

    [Fact]
    public async Task Completing_with_a_small_first_part_is_refused_as_entity_too_small()
    {
        using var s3 = server.CreateAwsClient();
        var bucket = await CreateBucketAsync(s3, cancellation);
        var created = await s3.InitiateMultipartUploadAsync(bucket, "small.bin", cancellation);
        var etags = new List<PartETag>();
        for (var part = 1; part <= 2; part++)
        {
            var uploaded = await s3.UploadPartAsync(new UploadPartRequest
            {
                BucketName = bucket,
                Key = "small.bin",
                UploadId = created.UploadId,
                PartNumber = part,
                InputStream = new MemoryStream(RandomBytes(100)),
            }, cancellation);
            etags.Add(new PartETag(part, uploaded.ETag));
        }

        var refused = await Assert.ThrowsAnyAsync<AmazonS3Exception>(() => s3.CompleteMultipartUploadAsync(new CompleteMultipartUploadRequest
        {
            BucketName = bucket,
            Key = "small.bin",
            UploadId = created.UploadId,
            PartETags = etags,
        }, cancellation));
        Assert.Equal("EntityTooSmall", refused.ErrorCode);
    }

    [Fact]
    public async Task ListObjectsV2_groups_by_delimiter_and_pages_with_continuation_tokens()
    {
        using var s3 = server.CreateAwsClient();
        var bucket = await CreateBucketAsync(s3, cancellation);
        var keys = ListingKeys();
        foreach (var key in keys)
        {
            await s3.PutObjectAsync(new PutObjectRequest { BucketName = bucket, Key = key, ContentBody = key }, cancellation);
        }

        var top = await s3.ListObjectsV2Async(new ListObjectsV2Request { BucketName = bucket, Delimiter = "/" }, cancellation);
        Assert.Equal(["docs/", "logs/"], top.CommonPrefixes);
        Assert.Equal(["readme.md", "zeta"], top.S3Objects.Select(o => o.Key));
        Assert.Equal(4, top.KeyCount);

        var logs = await s3.ListObjectsV2Async(new ListObjectsV2Request { BucketName = bucket, Prefix = "logs/", Delimiter = "/" }, cancellation);
        Assert.Equal(["logs/2025/", "logs/2026/"], logs.CommonPrefixes);
        Assert.Equal(["logs/latest.log"], logs.S3Objects.Select(o => o.Key));

        var collected = new List<string>();
        var request = new ListObjectsV2Request { BucketName = bucket, MaxKeys = 4 };
        var pages = 0;
        ListObjectsV2Response page;
        do
        {
            page = await s3.ListObjectsV2Async(request, cancellation);
            Assert.True(page.KeyCount <= 4);
            collected.AddRange(page.S3Objects.Select(o => o.Key));
            request.ContinuationToken = page.NextContinuationToken;
            pages++;
        }
        while (page.IsTruncated == true);
        Assert.Equal(keys.Order(StringComparer.Ordinal), collected);
        Assert.Equal((keys.Length + 3) / 4, pages);

        var afterDocs = await s3.ListObjectsV2Async(new ListObjectsV2Request { BucketName = bucket, StartAfter = "logs/2026/03.log" }, cancellation);
        Assert.Equal(["logs/latest.log", "readme.md", "zeta"], afterDocs.S3Objects.Select(o => o.Key));
    }

    [Fact]
    public async Task Delimited_pages_never_repeat_a_common_prefix()
    {
        using var s3 = server.CreateAwsClient();
        var bucket = await CreateBucketAsync(s3, cancellation);
        foreach (var key in ListingKeys())
        {
            await s3.PutObjectAsync(new PutObjectRequest { BucketName = bucket, Key = key, ContentBody = "x" }, cancellation);
        }

        var entries = new List<string>();
        var request = new ListObjectsV2Request { BucketName = bucket, Delimiter = "/", MaxKeys = 1 };
        ListObjectsV2Response page;
        do
        {
            page = await s3.ListObjectsV2Async(request, cancellation);
            entries.AddRange(page.CommonPrefixes ?? []);
            entries.AddRange((page.S3Objects ?? []).Select(o => o.Key));
            request.ContinuationToken = page.NextContinuationToken;
        }
        while (page.IsTruncated == true);
        Assert.Equal(["docs/", "logs/", "readme.md", "zeta"], entries);
    }

    [Fact]
    public async Task ListObjects_version_one_pages_with_markers()
    {
        using var s3 = server.CreateAwsClient();
        var bucket = await CreateBucketAsync(s3, cancellation);
        var keys = ListingKeys();
        foreach (var key in keys)
        {
            await s3.PutObjectAsync(new PutObjectRequest { BucketName = bucket, Key = key, ContentBody = "x" }, cancellation);
        }

        var collected = new List<string>();
        var request = new ListObjectsRequest { BucketName = bucket, MaxKeys = 5 };
        ListObjectsResponse page;
        do
        {
            page = await s3.ListObjectsAsync(request, cancellation);
            collected.AddRange(page.S3Objects.Select(o => o.Key));
            request.Marker = page.NextMarker ?? page.S3Objects[^1].Key;
        }
        while (page.IsTruncated == true);
        Assert.Equal(keys.Order(StringComparer.Ordinal), collected);

        var docs = await s3.ListObjectsAsync(new ListObjectsRequest { BucketName = bucket, Prefix = "docs/", Delimiter = "/" }, cancellation);
        Assert.Equal(["docs/guides/"], docs.CommonPrefixes);
        Assert.Equal(["docs/a.md", "docs/b.md"], docs.S3Objects.Select(o => o.Key));
    }

    private static string[] ListingKeys() =>
    [
        "docs/a.md", "docs/b.md", "docs/guides/intro.md", "docs/guides/setup.md",
        "logs/2025/12.log", "logs/2026/01.log", "logs/2026/02.log", "logs/2026/03.log", "logs/latest.log",
        "readme.md", "zeta",
    ];

    private static byte[] RandomBytes(int length)
    {
        var bytes = new byte[length];
        Random.Shared.NextBytes(bytes);
        return bytes;
    }
}
