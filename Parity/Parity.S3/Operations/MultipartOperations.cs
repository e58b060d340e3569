using System.Globalization;
using Parity.S3.Auth;
using Parity.S3.Http;
using Parity.S3.Storage;
using Parity.S3.Xml;

namespace Parity.S3.Operations;

/// <summary>CreateMultipartUpload, UploadPart, UploadPartCopy, CompleteMultipartUpload, AbortMultipartUpload, ListParts, ListMultipartUploads.</summary>
internal sealed class MultipartOperations(MultipartStore uploads, ObjectStore store, ObjectOperations objects, S3Owner owner)
{
    private const int MaxPartsLimit = 1000;

    public Task CreateAsync(S3Call call)
    {
        var upload = uploads.Create(call.Request.RequiredBucket, call.Request.RequiredKey, ObjectHeaders.Read(call.Request.Headers));
        return S3Xml.WriteAsync(call.Response, S3Xml.Element("InitiateMultipartUploadResult",
            S3Xml.Element("Bucket", upload.Bucket),
            S3Xml.Element("Key", upload.Key),
            S3Xml.Element("UploadId", upload.UploadId)));
    }

    public async Task UploadPartAsync(S3Call call, string uploadId)
    {
        var partNumber = ParsePartNumber(call.Request.QueryValue("partNumber"));
        var upload = uploads.Find(call.Request.RequiredBucket, call.Request.RequiredKey, uploadId);
        if (call.Request.Header("x-amz-copy-source") is { } copySource)
        {
            var (_, copied) = await objects.StageCopySourceAsync(call, CopySource.Parse(copySource), call.Request.Header("x-amz-copy-source-range"));
            using (copied)
            {
                var copiedPart = uploads.PutPart(upload, partNumber, copied, checksum: null);
                await S3Xml.WriteAsync(call.Response, S3Xml.Element("CopyPartResult",
                    S3Xml.Element("LastModified", S3Xml.Timestamp(copiedPart.LastModified)),
                    S3Xml.Element("ETag", S3Xml.Quoted(copiedPart.ETag))));
            }

            return;
        }

        using var staged = await store.StageAsync(call.Payload.Body, call.Aborted);
        var part = uploads.PutPart(upload, partNumber, staged, call.Payload.Checksum);
        call.Response.Headers.ETag = S3Xml.Quoted(part.ETag);
        if (part.Checksum is { } checksum)
        {
            call.Response.Headers["x-amz-checksum-" + checksum.Algorithm.ToLowerInvariant()] = checksum.Value;
        }

        call.Response.StatusCode = StatusCodes.Status200OK;
    }

    public async Task CompleteAsync(S3Call call, string uploadId)
    {
        var upload = uploads.Find(call.Request.RequiredBucket, call.Request.RequiredKey, uploadId);
        var document = await XmlRequestBody.ReadAsync(call.Payload.Body, call.Aborted);
        if (document is null || document.Name.LocalName != "CompleteMultipartUpload")
        {
            throw S3Errors.MalformedXml();
        }

        var parts = XmlRequestBody.Children(document, "Part")
            .Select(part => (
                PartNumber: int.TryParse(XmlRequestBody.ChildValue(part, "PartNumber"), NumberStyles.None, CultureInfo.InvariantCulture, out var number)
                    ? number
                    : throw S3Errors.MalformedXml(),
                ETag: XmlRequestBody.ChildValue(part, "ETag") ?? throw S3Errors.MalformedXml()))
            .ToList();
        var metadata = await uploads.CompleteAsync(upload, parts, call.Aborted);
        var location = $"{call.Context.Request.Scheme}://{call.Context.Request.Host}/{upload.Bucket}/{S3UriEncoding.Encode(upload.Key, keepSlash: true)}";
        await S3Xml.WriteAsync(call.Response, S3Xml.Element("CompleteMultipartUploadResult",
            S3Xml.Element("Location", location),
            S3Xml.Element("Bucket", upload.Bucket),
            S3Xml.Element("Key", upload.Key),
            S3Xml.Element("ETag", S3Xml.Quoted(metadata.ETag))));
    }

    public Task AbortAsync(S3Call call, string uploadId)
    {
        uploads.Abort(uploads.Find(call.Request.RequiredBucket, call.Request.RequiredKey, uploadId));
        call.Response.StatusCode = StatusCodes.Status204NoContent;
        return Task.CompletedTask;
    }

    public Task ListPartsAsync(S3Call call, string uploadId)
    {
        var upload = uploads.Find(call.Request.RequiredBucket, call.Request.RequiredKey, uploadId);
        var marker = ParseCount(call.Request.QueryValue("part-number-marker"), 0);
        var maxParts = Math.Min(ParseCount(call.Request.QueryValue("max-parts"), MaxPartsLimit), MaxPartsLimit);
        var after = uploads.ListParts(upload).Where(part => part.PartNumber > marker).ToList();
        var page = after.Take(maxParts).ToList();
        var truncated = after.Count > page.Count;
        return S3Xml.WriteAsync(call.Response, S3Xml.Element("ListPartsResult",
            S3Xml.Element("Bucket", upload.Bucket),
            S3Xml.Element("Key", upload.Key),
            S3Xml.Element("UploadId", upload.UploadId),
            owner.Element("Initiator"),
            owner.Element(),
            S3Xml.Element("StorageClass", "STANDARD"),
            S3Xml.Element("PartNumberMarker", marker),
            S3Xml.Element("NextPartNumberMarker", page.Count > 0 ? page[^1].PartNumber : marker),
            S3Xml.Element("MaxParts", maxParts),
            S3Xml.Element("IsTruncated", S3Xml.Boolean(truncated)),
            page.Select(part => S3Xml.Element("Part",
                S3Xml.Element("PartNumber", part.PartNumber),
                S3Xml.Element("LastModified", S3Xml.Timestamp(part.LastModified)),
                S3Xml.Element("ETag", S3Xml.Quoted(part.ETag)),
                S3Xml.Element("Size", part.Size)))));
    }

    public Task ListUploadsAsync(S3Call call)
    {
        var bucket = call.Request.RequiredBucket;
        var prefix = call.Request.QueryValue("prefix") ?? "";
        var pending = uploads.ListUploads(bucket, prefix);
        return S3Xml.WriteAsync(call.Response, S3Xml.Element("ListMultipartUploadsResult",
            S3Xml.Element("Bucket", bucket),
            S3Xml.Element("KeyMarker", ""),
            S3Xml.Element("UploadIdMarker", ""),
            S3Xml.Element("NextKeyMarker", ""),
            S3Xml.Element("NextUploadIdMarker", ""),
            S3Xml.Element("Prefix", prefix),
            S3Xml.Element("MaxUploads", MaxPartsLimit),
            S3Xml.Element("IsTruncated", "false"),
            pending.Select(upload => S3Xml.Element("Upload",
                S3Xml.Element("Key", upload.Key),
                S3Xml.Element("UploadId", upload.UploadId),
                owner.Element("Initiator"),
                owner.Element(),
                S3Xml.Element("StorageClass", "STANDARD"),
                S3Xml.Element("Initiated", S3Xml.Timestamp(upload.Initiated))))));
    }

    private static int ParsePartNumber(string? value) =>
        int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number is >= 1 and <= MultipartStore.MaxPartNumber
            ? number
            : throw S3Errors.InvalidArgument("Part number must be an integer between 1 and 10000, inclusive.");

    private static int ParseCount(string? value, int fallback) =>
        value is null
            ? fallback
            : int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var count)
                ? count
                : throw S3Errors.InvalidArgument($"'{value}' is not a valid non-negative integer.");
}
