using System.Globalization;
using System.Text;
using Parity.S3.Http;
using Parity.S3.Storage;
using Parity.S3.Xml;

namespace Parity.S3.Operations;

/// <summary>An object's attributes as HTTP headers: read from a PUT, written back on GET and HEAD.</summary>
internal static class ObjectHeaders
{
    public const string DefaultContentType = "binary/octet-stream";
    private const string UserMetadataPrefix = "x-amz-meta-";
    private const int MaxUserMetadataBytes = 2048;
    private static readonly string[] StoredHeaderNames = ["Cache-Control", "Content-Disposition", "Content-Encoding", "Content-Language", "Expires"];

    /// <summary>The GET query parameters that override a response header, as presigned URLs use them.</summary>
    private static readonly (string Parameter, string Header)[] ResponseOverrides =
    [
        ("response-content-type", "Content-Type"),
        ("response-content-language", "Content-Language"),
        ("response-expires", "Expires"),
        ("response-cache-control", "Cache-Control"),
        ("response-content-disposition", "Content-Disposition"),
        ("response-content-encoding", "Content-Encoding"),
    ];

    public static ObjectAttributes Read(IHeaderDictionary headers)
    {
        var userMetadata = new Dictionary<string, string>(StringComparer.Ordinal);
        var userMetadataBytes = 0;
        foreach (var (name, values) in headers)
        {
            if (name.StartsWith(UserMetadataPrefix, StringComparison.OrdinalIgnoreCase))
            {
                var key = name[UserMetadataPrefix.Length..].ToLowerInvariant();
                var value = values.ToString();
                userMetadata[key] = value;
                userMetadataBytes += Encoding.UTF8.GetByteCount(key) + Encoding.UTF8.GetByteCount(value);
            }
        }

        if (userMetadataBytes > MaxUserMetadataBytes)
        {
            throw S3Errors.MetadataTooLarge();
        }

        var stored = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var name in StoredHeaderNames)
        {
            var value = headers[name].ToString();
            if (name == "Content-Encoding")
            {
                // aws-chunked describes how this request's body was framed, not how the object is encoded.
                value = string.Join(',', value.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
                    .Where(token => !token.Equals("aws-chunked", StringComparison.OrdinalIgnoreCase)));
            }

            if (value.Length > 0)
            {
                stored[name] = value;
            }
        }

        var contentType = headers.ContentType.ToString();
        return new ObjectAttributes(contentType.Length > 0 ? contentType : DefaultContentType, userMetadata, stored);
    }

    public static void Write(HttpResponse response, ObjectMetadata metadata, bool includeChecksum)
    {
        var headers = response.Headers;
        headers.ETag = S3Xml.Quoted(metadata.ETag);
        headers.LastModified = metadata.LastModified.ToString("R", CultureInfo.InvariantCulture);
        headers.AcceptRanges = "bytes";
        response.ContentType = metadata.Attributes.ContentType;
        foreach (var (name, value) in metadata.Attributes.UserMetadata)
        {
            headers[UserMetadataPrefix + name] = value;
        }

        foreach (var (name, value) in metadata.Attributes.StoredHeaders)
        {
            headers[name] = value;
        }

        if (includeChecksum && metadata.Checksum is { } checksum)
        {
            headers["x-amz-checksum-" + checksum.Algorithm.ToLowerInvariant()] = checksum.Value;
        }
    }

    public static void ApplyResponseOverrides(HttpResponse response, S3Request request)
    {
        foreach (var (parameter, header) in ResponseOverrides)
        {
            if (request.QueryValue(parameter) is { } value)
            {
                response.Headers[header] = value;
            }
        }
    }
}
