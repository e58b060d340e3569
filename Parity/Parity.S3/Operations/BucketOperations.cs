using Parity.S3.Http;
using Parity.S3.Storage;
using Parity.S3.Xml;

namespace Parity.S3.Operations;

/// <summary>ListBuckets, CreateBucket, HeadBucket, DeleteBucket, GetBucketLocation and GetBucketVersioning.</summary>
internal sealed class BucketOperations(ObjectStore store, MultipartStore uploads, S3ServerOptions options, S3Owner owner)
{
    public Task ListAsync(S3Call call) =>
        S3Xml.WriteAsync(call.Response, S3Xml.Element("ListAllMyBucketsResult",
            owner.Element(),
            S3Xml.Element("Buckets", store.ListBuckets().Select(bucket => S3Xml.Element("Bucket",
                S3Xml.Element("Name", bucket.Name),
                S3Xml.Element("CreationDate", S3Xml.Timestamp(bucket.Created)))))));

    public async Task CreateAsync(S3Call call)
    {
        var bucket = call.Request.RequiredBucket;
        if (!BucketName.IsValid(bucket))
        {
            throw S3Errors.InvalidBucketName(bucket);
        }

        var configuration = await XmlRequestBody.ReadAsync(call.Payload.Body, call.Aborted);
        var location = configuration is null ? null : XmlRequestBody.ChildValue(configuration, "LocationConstraint");
        if (!string.IsNullOrEmpty(location) && location != options.Region)
        {
            throw new S3Exception("InvalidLocationConstraint", StatusCodes.Status400BadRequest,
                $"The specified location-constraint is not valid: this server's region is '{options.Region}'.");
        }

        store.CreateBucket(bucket);
        call.Response.Headers.Location = "/" + bucket;
        call.Response.StatusCode = StatusCodes.Status200OK;
    }

    public Task HeadAsync(S3Call call)
    {
        store.GetBucket(call.Request.RequiredBucket);
        call.Response.Headers["x-amz-bucket-region"] = options.Region;
        call.Response.StatusCode = StatusCodes.Status200OK;
        return Task.CompletedTask;
    }

    public Task DeleteAsync(S3Call call)
    {
        var bucket = call.Request.RequiredBucket;
        var pending = uploads.ListUploads(bucket, "");
        store.DeleteBucket(bucket);
        foreach (var upload in pending)
        {
            uploads.Abort(upload);
        }

        call.Response.StatusCode = StatusCodes.Status204NoContent;
        return Task.CompletedTask;
    }

    public Task GetLocationAsync(S3Call call)
    {
        store.GetBucket(call.Request.RequiredBucket);
        // S3 reports its original region, us-east-1, as an empty constraint; clients read empty as us-east-1.
        var location = options.Region == S3ServerOptions.DefaultRegion ? null : options.Region;
        return S3Xml.WriteAsync(call.Response, S3Xml.Element("LocationConstraint", location));
    }

    public Task GetVersioningAsync(S3Call call)
    {
        store.GetBucket(call.Request.RequiredBucket);
        return S3Xml.WriteAsync(call.Response, S3Xml.Element("VersioningConfiguration"));
    }
}
