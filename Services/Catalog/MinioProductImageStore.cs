using System.Data.Common;
using Minio;
using Minio.DataModel.Args;
using Minio.Exceptions;

namespace Catalog;

/// <summary>Product images as objects <c>products/{id}</c> in the bucket <c>product-images</c>, created on first use.</summary>
public sealed class MinioProductImageStore(IMinioClient minio) : IProductImageStore
{
    public const string Bucket = "product-images";

    private readonly SemaphoreSlim _bucketCheck = new(1, 1);
    private volatile bool _bucketExists;

    /// <summary>A client for an Aspire MinIO connection string: <c>Endpoint=http://host:port;AccessKey=..;SecretKey=..</c>.</summary>
    public static IMinioClient CreateClient(string connectionString)
    {
        var parts = new DbConnectionStringBuilder { ConnectionString = connectionString };
        var endpoint = new Uri(Part(parts, "Endpoint"));
        return new MinioClient()
            .WithEndpoint(endpoint.Host, endpoint.Port)
            .WithSSL(endpoint.Scheme == Uri.UriSchemeHttps)
            .WithCredentials(Part(parts, "AccessKey"), Part(parts, "SecretKey"))
            .Build();
    }

    public async Task StoreAsync(long productId, Stream image, long length, string contentType, CancellationToken cancellationToken)
    {
        await EnsureBucketAsync(cancellationToken);
        await minio.PutObjectAsync(new PutObjectArgs()
            .WithBucket(Bucket)
            .WithObject(ObjectName(productId))
            .WithStreamData(image)
            .WithObjectSize(length)
            .WithContentType(contentType), cancellationToken);
    }

    public async Task<bool> CopyToAsync(long productId, Stream destination, CancellationToken cancellationToken)
    {
        try
        {
            await minio.GetObjectAsync(new GetObjectArgs()
                .WithBucket(Bucket)
                .WithObject(ObjectName(productId))
                .WithCallbackStream((image, token) => image.CopyToAsync(destination, token)), cancellationToken);
            return true;
        }
        catch (Exception e) when (e is ObjectNotFoundException or BucketNotFoundException)
        {
            return false;
        }
    }

    public async Task DeleteAsync(long productId, CancellationToken cancellationToken)
    {
        if (!await BucketExistsAsync(cancellationToken))
        {
            return;
        }

        await minio.RemoveObjectAsync(new RemoveObjectArgs().WithBucket(Bucket).WithObject(ObjectName(productId)), cancellationToken);
    }

    private async Task EnsureBucketAsync(CancellationToken cancellationToken)
    {
        if (_bucketExists)
        {
            return;
        }

        await _bucketCheck.WaitAsync(cancellationToken);
        try
        {
            if (!await BucketExistsAsync(cancellationToken))
            {
                await minio.MakeBucketAsync(new MakeBucketArgs().WithBucket(Bucket), cancellationToken);
            }

            _bucketExists = true;
        }
        finally
        {
            _bucketCheck.Release();
        }
    }

    private async Task<bool> BucketExistsAsync(CancellationToken cancellationToken) =>
        _bucketExists || await minio.BucketExistsAsync(new BucketExistsArgs().WithBucket(Bucket), cancellationToken);

    private static string ObjectName(long productId) => $"products/{productId}";

    private static string Part(DbConnectionStringBuilder parts, string key) =>
        parts.TryGetValue(key, out var value) && value is string { Length: > 0 } text
            ? text
            : throw new InvalidOperationException($"The MinIO connection string has no {key}.");
}
