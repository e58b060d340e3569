using System.Text;
using Amazon.S3.Model;
using Parity.S3.Tests.Server;

namespace Parity.S3.Tests.Clients;

/// <summary>What the server stored is still there after it restarts: objects, their metadata, uploads in progress.</summary>
public sealed class PersistenceTests(S3ServerFixture server) : IClassFixture<S3ServerFixture>
{
    private readonly CancellationToken cancellation = TestContext.Current.CancellationToken;

    [Fact]
    public async Task Objects_and_an_unfinished_multipart_upload_survive_a_restart()
    {
        var bucket = S3ServerFixture.NewBucketName();
        var part = new byte[5 * 1024 * 1024];
        Random.Shared.NextBytes(part);
        string uploadId;
        string firstPartETag;
        using (var before = server.CreateAwsClient())
        {
            await before.PutBucketAsync(new PutBucketRequest { BucketName = bucket }, cancellation);
            var put = new PutObjectRequest { BucketName = bucket, Key = "kept/ünïcode.txt", ContentBody = "still here", ContentType = "text/plain" };
            put.Metadata["origin"] = "before-restart";
            await before.PutObjectAsync(put, cancellation);
            await before.PutObjectAsync(new PutObjectRequest { BucketName = bucket, Key = "replaced.txt", ContentBody = "first version" }, cancellation);
            await before.PutObjectAsync(new PutObjectRequest { BucketName = bucket, Key = "replaced.txt", ContentBody = "second version" }, cancellation);
            uploadId = (await before.InitiateMultipartUploadAsync(bucket, "resumed.bin", cancellation)).UploadId;
            firstPartETag = (await before.UploadPartAsync(new UploadPartRequest
            {
                BucketName = bucket,
                Key = "resumed.bin",
                UploadId = uploadId,
                PartNumber = 1,
                InputStream = new MemoryStream(part),
            }, cancellation)).ETag;
        }

        await server.RestartAsync();

        using var after = server.CreateAwsClient();
        var listed = await after.ListObjectsV2Async(new ListObjectsV2Request { BucketName = bucket }, cancellation);
        Assert.Equal(["kept/ünïcode.txt", "replaced.txt"], listed.S3Objects.Select(o => o.Key));
        using (var kept = await after.GetObjectAsync(bucket, "kept/ünïcode.txt", cancellation))
        {
            Assert.Equal("before-restart", kept.Metadata["origin"]);
            Assert.Equal("text/plain", kept.Headers.ContentType);
            Assert.Equal("still here", await new StreamReader(kept.ResponseStream).ReadToEndAsync(cancellation));
        }

        using (var replaced = await after.GetObjectAsync(bucket, "replaced.txt", cancellation))
        {
            Assert.Equal("second version", await new StreamReader(replaced.ResponseStream).ReadToEndAsync(cancellation));
        }

        var tail = Encoding.UTF8.GetBytes("and the last part");
        var secondPartETag = (await after.UploadPartAsync(new UploadPartRequest
        {
            BucketName = bucket,
            Key = "resumed.bin",
            UploadId = uploadId,
            PartNumber = 2,
            InputStream = new MemoryStream(tail),
        }, cancellation)).ETag;
        await after.CompleteMultipartUploadAsync(new CompleteMultipartUploadRequest
        {
            BucketName = bucket,
            Key = "resumed.bin",
            UploadId = uploadId,
            PartETags = [new PartETag(1, firstPartETag), new PartETag(2, secondPartETag)],
        }, cancellation);
        var head = await after.GetObjectMetadataAsync(bucket, "resumed.bin", cancellation);
        Assert.Equal(part.Length + tail.Length, head.ContentLength);

        // One data file per object, none left over from the replaced version or the upload.
        var bucketFolder = Path.Combine(server.DataDirectory, bucket);
        Assert.Equal(3, Directory.GetFiles(bucketFolder, "*.data").Length);
        Assert.Empty(Directory.GetDirectories(Path.Combine(server.DataDirectory, ".parity-s3", "uploads")));
    }
}
