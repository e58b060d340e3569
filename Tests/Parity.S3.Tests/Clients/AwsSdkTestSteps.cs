using Amazon.S3;
using Amazon.S3.Model;
using Parity.S3.Tests.Server;

namespace Parity.S3.Tests.Clients;

/// <summary>Steps the AWS SDK test classes share.</summary>
internal static class AwsSdkTestSteps
{
    public static async Task<string> CreateBucketAsync(AmazonS3Client s3, CancellationToken cancellationToken)
    {
        var bucket = S3ServerFixture.NewBucketName();
        await s3.PutBucketAsync(new PutBucketRequest { BucketName = bucket }, cancellationToken);
        return bucket;
    }

    public static async Task<byte[]> ReadAllAsync(Stream stream, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        await stream.CopyToAsync(buffer, cancellationToken);
        return buffer.ToArray();
    }
}
