using Parity.S3.Operations;

namespace Parity.S3.Http;

/// <summary>Picks the S3 operation a request names, from its method, whether it names a bucket and a key, and its query.</summary>
internal sealed class S3RequestRouter(
    BucketOperations buckets,
    ObjectOperations objects,
    DeleteObjectsOperation deleteObjects,
    ListObjectsOperations listings,
    MultipartOperations multipart)
{
    // Sub-resources that change what a request means; serving the plain operation instead would silently do the wrong thing.
    private static readonly string[] UnsupportedSubresources =
    [
        "accelerate", "acl", "analytics", "attributes", "cors", "encryption", "intelligent-tiering", "inventory",
        "legal-hold", "lifecycle", "logging", "metrics", "notification", "object-lock", "ownershipControls", "policy",
        "policyStatus", "publicAccessBlock", "replication", "requestPayment", "restore", "retention", "select",
        "tagging", "torrent", "versionId", "versions", "website",
    ];

    public Task RouteAsync(S3Call call)
    {
        var request = call.Request;
        if (UnsupportedSubresources.Any(request.HasQuery))
        {
            throw S3Errors.NotImplemented();
        }

        if (request.Bucket is null)
        {
            return request.Method == HttpMethods.Get ? buckets.ListAsync(call) : throw S3Errors.MethodNotAllowed();
        }

        return request.Key is null ? RouteBucket(call) : RouteObject(call);
    }

    private Task RouteBucket(S3Call call)
    {
        var request = call.Request;
        return request.Method switch
        {
            "GET" when request.HasQuery("location") => buckets.GetLocationAsync(call),
            "GET" when request.HasQuery("versioning") => buckets.GetVersioningAsync(call),
            "GET" when request.HasQuery("uploads") => multipart.ListUploadsAsync(call),
            "GET" when request.QueryValue("list-type") == "2" => listings.ListV2Async(call),
            "GET" => listings.ListV1Async(call),
            "HEAD" => buckets.HeadAsync(call),
            "PUT" when request.HasQuery("versioning") => throw S3Errors.NotImplemented(),
            "PUT" => buckets.CreateAsync(call),
            "DELETE" => buckets.DeleteAsync(call),
            "POST" when request.HasQuery("delete") => deleteObjects.DeleteAsync(call),
            "POST" => throw S3Errors.NotImplemented(),
            _ => throw S3Errors.MethodNotAllowed(),
        };
    }

    private Task RouteObject(S3Call call)
    {
        var request = call.Request;
        var uploadId = request.QueryValue("uploadId");
        return request.Method switch
        {
            "PUT" when uploadId is not null => multipart.UploadPartAsync(call, uploadId),
            "PUT" when request.Header("x-amz-copy-source") is { } copySource => objects.CopyAsync(call, copySource),
            "PUT" => objects.PutAsync(call),
            "GET" when uploadId is not null => multipart.ListPartsAsync(call, uploadId),
            "GET" or "HEAD" => objects.GetAsync(call),
            "DELETE" when uploadId is not null => multipart.AbortAsync(call, uploadId),
            "DELETE" => objects.DeleteAsync(call),
            "POST" when request.HasQuery("uploads") => multipart.CreateAsync(call),
            "POST" when uploadId is not null => multipart.CompleteAsync(call, uploadId),
            _ => throw S3Errors.MethodNotAllowed(),
        };
    }
}
