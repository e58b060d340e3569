using System.Globalization;
using Parity.S3.Http;
using Parity.S3.Storage;
using Parity.S3.Xml;

namespace Parity.S3.Operations;

/// <summary>PutObject, GetObject, HeadObject, DeleteObject and CopyObject.</summary>
internal sealed class ObjectOperations(ObjectStore store)
{
    public async Task PutAsync(S3Call call)
    {
        var bucket = call.Request.RequiredBucket;
        var key = call.Request.RequiredKey;
        store.GetBucket(bucket);
        var attributes = ObjectHeaders.Read(call.Request.Headers);
        if (call.Request.Header("If-None-Match") == "*" && store.GetBucket(bucket).Find(key) is not null)
        {
            throw S3Errors.PreconditionFailed();
        }

        using var staged = await store.StageAsync(call.Payload.Body, call.Aborted);
        var metadata = store.Commit(bucket, key, staged, attributes, staged.Md5Hex, call.Payload.Checksum);
        call.Response.Headers.ETag = S3Xml.Quoted(metadata.ETag);
        if (metadata.Checksum is { } checksum)
        {
            call.Response.Headers["x-amz-checksum-" + checksum.Algorithm.ToLowerInvariant()] = checksum.Value;
        }

        call.Response.StatusCode = StatusCodes.Status200OK;
    }

    public async Task GetAsync(S3Call call)
    {
        var head = HttpMethods.IsHead(call.Request.Method);
        var (metadata, content) = store.Open(call.Request.RequiredBucket, call.Request.RequiredKey);
        await using (content)
        {
            switch (Preconditions.Evaluate(call.Request, metadata))
            {
                case Preconditions.Outcome.Failed:
                    throw S3Errors.PreconditionFailed();
                case Preconditions.Outcome.NotModified:
                    call.Response.StatusCode = StatusCodes.Status304NotModified;
                    call.Response.Headers.ETag = S3Xml.Quoted(metadata.ETag);
                    call.Response.Headers.LastModified = metadata.LastModified.ToString("R", CultureInfo.InvariantCulture);
                    return;
            }

            var range = SelectRange(call, metadata);
            var checksumWanted = string.Equals(call.Request.Header("x-amz-checksum-mode"), "ENABLED", StringComparison.OrdinalIgnoreCase);
            ObjectHeaders.Write(call.Response, metadata, includeChecksum: checksumWanted && range is null);
            ObjectHeaders.ApplyResponseOverrides(call.Response, call.Request);
            var start = range?.Start ?? 0;
            var length = range?.Length ?? metadata.Size;
            call.Response.ContentLength = length;
            if (range is { } partial)
            {
                call.Response.StatusCode = StatusCodes.Status206PartialContent;
                call.Response.Headers.ContentRange = $"bytes {partial.Start}-{partial.End}/{metadata.Size}";
            }

            if (head || length == 0)
            {
                return;
            }

            content.Seek(start, SeekOrigin.Begin);
            await new BoundedReadStream(content, length).CopyToAsync(call.Response.Body, call.Aborted);
        }
    }

    public Task DeleteAsync(S3Call call)
    {
        store.Delete(call.Request.RequiredBucket, call.Request.RequiredKey);
        call.Response.StatusCode = StatusCodes.Status204NoContent;
        return Task.CompletedTask;
    }

    public async Task CopyAsync(S3Call call, string copySourceHeader)
    {
        var bucket = call.Request.RequiredBucket;
        var key = call.Request.RequiredKey;
        var source = CopySource.Parse(copySourceHeader);
        var directive = (call.Request.Header("x-amz-metadata-directive") ?? "COPY").ToUpperInvariant();
        if (directive is not ("COPY" or "REPLACE"))
        {
            throw S3Errors.InvalidArgument("Unknown metadata directive.");
        }

        if (source.Bucket == bucket && source.Key == key && directive == "COPY")
        {
            throw S3Errors.InvalidRequest(
                "This copy request is illegal because it is trying to copy an object to itself without changing the object's metadata, storage class, website redirect location or encryption attributes.");
        }

        store.GetBucket(bucket);
        var (sourceMetadata, staged) = await StageCopySourceAsync(call, source, range: null);
        using (staged)
        {
            var attributes = directive == "REPLACE" ? ObjectHeaders.Read(call.Request.Headers) : sourceMetadata.Attributes;
            var metadata = store.Commit(bucket, key, staged, attributes, staged.Md5Hex, sourceMetadata.Checksum);
            await S3Xml.WriteAsync(call.Response, S3Xml.Element("CopyObjectResult",
                S3Xml.Element("LastModified", S3Xml.Timestamp(metadata.LastModified)),
                S3Xml.Element("ETag", S3Xml.Quoted(metadata.ETag))));
        }
    }

    /// <summary>Copies the source object (or a range of it) to a staged file, after its x-amz-copy-source-if-* conditions.</summary>
    public async Task<(ObjectMetadata Source, StagedObject Staged)> StageCopySourceAsync(S3Call call, CopySource source, string? range)
    {
        var (metadata, content) = store.Open(source.Bucket, source.Key);
        await using (content)
        {
            if (Preconditions.Evaluate(call.Request, metadata, "x-amz-copy-source-") != Preconditions.Outcome.Proceed)
            {
                throw S3Errors.PreconditionFailed();
            }

            Stream body = content;
            if (range is not null)
            {
                var selected = ByteRange.Parse(range, metadata.Size)
                    ?? throw S3Errors.InvalidArgument("The x-amz-copy-source-range value must be of the form bytes=first-last.");
                content.Seek(selected.Start, SeekOrigin.Begin);
                body = new BoundedReadStream(content, selected.Length);
            }

            return (metadata, await store.StageAsync(body, call.Aborted));
        }
    }

    /// <summary>The Range header's range, or with ?partNumber= the bytes of that part of a multipart object.</summary>
    private static ByteRange? SelectRange(S3Call call, ObjectMetadata metadata)
    {
        if (call.Request.QueryValue("partNumber") is not { } partText)
        {
            return ByteRange.Parse(call.Request.Header("Range"), metadata.Size);
        }

        if (call.Request.Header("Range") is not null)
        {
            throw S3Errors.InvalidRequest("Cannot specify both Range header and partNumber query parameter.");
        }

        var parts = metadata.PartSizes ?? [metadata.Size];
        if (!int.TryParse(partText, NumberStyles.None, CultureInfo.InvariantCulture, out var partNumber) || partNumber < 1)
        {
            throw S3Errors.InvalidArgument("Part number must be an integer between 1 and 10000, inclusive.");
        }

        if (partNumber > parts.Count)
        {
            throw new S3Exception("InvalidPartNumber", StatusCodes.Status416RangeNotSatisfiable, "The requested partnumber is not satisfiable.");
        }

        if (metadata.PartSizes is null)
        {
            return null;
        }

        call.Response.Headers["x-amz-mp-parts-count"] = parts.Count.ToString(CultureInfo.InvariantCulture);
        var start = parts.Take(partNumber - 1).Sum();
        return new ByteRange(start, parts[partNumber - 1]);
    }
}
