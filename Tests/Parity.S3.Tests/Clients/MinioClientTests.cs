using System.Security.Cryptography;
using System.Text;
using Minio;
using Minio.DataModel.Args;
using Minio.Exceptions;
using Parity.S3.Tests.Server;

namespace Parity.S3.Tests.Clients;

/// <summary>The MinIO .NET SDK with its default settings, the client an app written for MinIO uses.</summary>
public sealed class MinioClientTests(S3ServerFixture server) : IClassFixture<S3ServerFixture>
{
    private const int MiB = 1024 * 1024;
    private readonly CancellationToken cancellation = TestContext.Current.CancellationToken;

    [Fact]
    public async Task Buckets_are_made_found_listed_and_removed()
    {
        using var minio = server.CreateMinioClient();
        var bucket = S3ServerFixture.NewBucketName();

        Assert.False(await minio.BucketExistsAsync(new BucketExistsArgs().WithBucket(bucket), cancellation));
        await minio.MakeBucketAsync(new MakeBucketArgs().WithBucket(bucket), cancellation);
        Assert.True(await minio.BucketExistsAsync(new BucketExistsArgs().WithBucket(bucket), cancellation));
        var listed = await minio.ListBucketsAsync(cancellation);
        Assert.Contains(listed.Buckets, b => b.Name == bucket);

        await minio.RemoveBucketAsync(new RemoveBucketArgs().WithBucket(bucket), cancellation);
        Assert.False(await minio.BucketExistsAsync(new BucketExistsArgs().WithBucket(bucket), cancellation));
    }

    [Fact]
    public async Task An_object_round_trips_with_metadata_and_is_copied_and_removed()
    {
        using var minio = server.CreateMinioClient();
        var bucket = await CreateBucketAsync(minio);
        const string key = "reports/ünïcode report #1.csv";
        var content = Encoding.UTF8.GetBytes("id,name\n1,Zoë\n");

        var put = await minio.PutObjectAsync(new PutObjectArgs()
            .WithBucket(bucket)
            .WithObject(key)
            .WithStreamData(new MemoryStream(content))
            .WithObjectSize(content.Length)
            .WithContentType("text/csv")
            .WithHeaders(new Dictionary<string, string> { ["x-amz-meta-department"] = "finance" }), cancellation);
        Assert.Equal(Convert.ToHexStringLower(MD5.HashData(content)), put.Etag.Trim('"'));

        var stat = await minio.StatObjectAsync(new StatObjectArgs().WithBucket(bucket).WithObject(key), cancellation);
        Assert.Equal(content.Length, stat.Size);
        Assert.Equal("text/csv", stat.ContentType);
        Assert.Equal("finance", stat.MetaData.Single(pair => pair.Key.Equals("department", StringComparison.OrdinalIgnoreCase) || pair.Key.EndsWith("-department", StringComparison.OrdinalIgnoreCase)).Value);

        Assert.Equal(content, await GetAsync(minio, bucket, key));

        await minio.CopyObjectAsync(new CopyObjectArgs()
            .WithBucket(bucket)
            .WithObject("copies/report.csv")
            .WithCopyObjectSource(new CopySourceObjectArgs().WithBucket(bucket).WithObject(key)), cancellation);
        Assert.Equal(content, await GetAsync(minio, bucket, "copies/report.csv"));

        await minio.RemoveObjectAsync(new RemoveObjectArgs().WithBucket(bucket).WithObject(key), cancellation);
        await Assert.ThrowsAsync<ObjectNotFoundException>(() =>
            minio.StatObjectAsync(new StatObjectArgs().WithBucket(bucket).WithObject(key), cancellation));
    }

    [Fact]
    public async Task A_large_stream_goes_up_in_parts_and_reads_back_intact()
    {
        using var minio = server.CreateMinioClient();
        var bucket = await CreateBucketAsync(minio);
        // MinIO's SDK cuts parts of 16 MiB at least, so this takes three.
        var content = new byte[(33 * MiB) + 777];
        Random.Shared.NextBytes(content);

        var put = await minio.PutObjectAsync(new PutObjectArgs()
            .WithBucket(bucket)
            .WithObject("large/archive.bin")
            .WithStreamData(new MemoryStream(content))
            .WithObjectSize(content.Length)
            .WithContentType("application/octet-stream"), cancellation);

        var stat = await minio.StatObjectAsync(new StatObjectArgs().WithBucket(bucket).WithObject("large/archive.bin"), cancellation);
        Assert.Equal(content.Length, stat.Size);
        Assert.EndsWith("-3", stat.ETag.Trim('"'));
        Assert.Equal(SHA256.HashData(content), SHA256.HashData(await GetAsync(minio, bucket, "large/archive.bin")));
        Assert.Equal(stat.ETag.Trim('"'), put.Etag.Trim('"'));
    }

    [Fact]
    public async Task Listing_is_flat_when_recursive_and_grouped_by_slash_otherwise()
    {
        using var minio = server.CreateMinioClient();
        var bucket = await CreateBucketAsync(minio);
        string[] keys = ["a/1.txt", "a/2.txt", "a/deep/3.txt", "b/4.txt", "top.txt"];
        foreach (var key in keys)
        {
            var bytes = Encoding.UTF8.GetBytes(key);
            await minio.PutObjectAsync(new PutObjectArgs().WithBucket(bucket).WithObject(key)
                .WithStreamData(new MemoryStream(bytes)).WithObjectSize(bytes.Length), cancellation);
        }

        var all = new List<string>();
        await foreach (var item in minio.ListObjectsEnumAsync(new ListObjectsArgs().WithBucket(bucket).WithRecursive(true), cancellation))
        {
            all.Add(item.Key);
        }

        Assert.Equal(keys, all);

        var top = new List<(string Key, bool IsDir)>();
        await foreach (var item in minio.ListObjectsEnumAsync(new ListObjectsArgs().WithBucket(bucket).WithRecursive(false), cancellation))
        {
            top.Add((item.Key, item.IsDir));
        }

        // The SDK yields a page's objects before its prefixes.
        Assert.Equal([("a/", true), ("b/", true), ("top.txt", false)], top.OrderBy(entry => entry.Key, StringComparer.Ordinal));

        var underA = new List<string>();
        await foreach (var item in minio.ListObjectsEnumAsync(new ListObjectsArgs().WithBucket(bucket).WithPrefix("a/"), cancellation))
        {
            underA.Add(item.Key);
        }

        Assert.Equal(["a/1.txt", "a/2.txt", "a/deep/"], underA);
    }

    private async Task<string> CreateBucketAsync(IMinioClient minio)
    {
        var bucket = S3ServerFixture.NewBucketName();
        await minio.MakeBucketAsync(new MakeBucketArgs().WithBucket(bucket), cancellation);
        return bucket;
    }

    private async Task<byte[]> GetAsync(IMinioClient minio, string bucket, string key)
    {
        using var buffer = new MemoryStream();
        await minio.GetObjectAsync(new GetObjectArgs().WithBucket(bucket).WithObject(key)
            .WithCallbackStream((stream, token) => stream.CopyToAsync(buffer, token)), cancellation);
        return buffer.ToArray();
    }
}
