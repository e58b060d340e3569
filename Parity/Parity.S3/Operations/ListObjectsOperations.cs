using System.Buffers.Text;
using System.Globalization;
using System.Text;
using System.Xml.Linq;
using Parity.S3.Auth;
using Parity.S3.Http;
using Parity.S3.Storage;
using Parity.S3.Xml;

namespace Parity.S3.Operations;

/// <summary>ListObjectsV2 (list-type=2) and the original ListObjects, over a bucket's sorted index.</summary>
internal sealed class ListObjectsOperations(ObjectStore store, S3Owner owner)
{
    private const int MaxKeysLimit = 1000;

    public Task ListV2Async(S3Call call)
    {
        var request = call.Request;
        var bucket = store.GetBucket(request.RequiredBucket);
        var query = ListQuery.From(request);
        var token = request.QueryValue("continuation-token");
        var startAfter = request.QueryValue("start-after");
        var fetchOwner = request.QueryValue("fetch-owner") == "true";
        var page = bucket.List(query.Prefix, query.Delimiter, token is null ? startAfter : DecodeToken(token), query.MaxKeys);

        return S3Xml.WriteAsync(call.Response, S3Xml.Element("ListBucketResult",
            S3Xml.Element("Name", bucket.Name),
            S3Xml.Element("Prefix", query.Encode(query.Prefix)),
            query.Delimiter is null ? null : S3Xml.Element("Delimiter", query.Encode(query.Delimiter)),
            S3Xml.Element("MaxKeys", query.MaxKeys),
            query.UrlEncoded ? S3Xml.Element("EncodingType", "url") : null,
            S3Xml.Element("KeyCount", page.Objects.Count + page.CommonPrefixes.Count),
            S3Xml.Element("IsTruncated", S3Xml.Boolean(page.IsTruncated)),
            token is null ? null : S3Xml.Element("ContinuationToken", token),
            page.IsTruncated && page.LastItem is not null ? S3Xml.Element("NextContinuationToken", EncodeToken(page.LastItem)) : null,
            startAfter is null ? null : S3Xml.Element("StartAfter", query.Encode(startAfter)),
            page.Objects.Select(metadata => Contents(metadata, query, fetchOwner)),
            CommonPrefixes(page, query)));
    }

    public Task ListV1Async(S3Call call)
    {
        var request = call.Request;
        var bucket = store.GetBucket(request.RequiredBucket);
        var query = ListQuery.From(request);
        var marker = request.QueryValue("marker") ?? "";
        var page = bucket.List(query.Prefix, query.Delimiter, marker.Length == 0 ? null : marker, query.MaxKeys);

        return S3Xml.WriteAsync(call.Response, S3Xml.Element("ListBucketResult",
            S3Xml.Element("Name", bucket.Name),
            S3Xml.Element("Prefix", query.Encode(query.Prefix)),
            S3Xml.Element("Marker", query.Encode(marker)),
            page.IsTruncated && page.LastItem is not null ? S3Xml.Element("NextMarker", query.Encode(page.LastItem)) : null,
            S3Xml.Element("MaxKeys", query.MaxKeys),
            query.Delimiter is null ? null : S3Xml.Element("Delimiter", query.Encode(query.Delimiter)),
            query.UrlEncoded ? S3Xml.Element("EncodingType", "url") : null,
            S3Xml.Element("IsTruncated", S3Xml.Boolean(page.IsTruncated)),
            page.Objects.Select(metadata => Contents(metadata, query, withOwner: true)),
            CommonPrefixes(page, query)));
    }

    private XElement Contents(ObjectMetadata metadata, ListQuery query, bool withOwner) =>
        S3Xml.Element("Contents",
            S3Xml.Element("Key", query.Encode(metadata.Key)),
            S3Xml.Element("LastModified", S3Xml.Timestamp(metadata.LastModified)),
            S3Xml.Element("ETag", S3Xml.Quoted(metadata.ETag)),
            metadata.Checksum is null ? null : S3Xml.Element("ChecksumAlgorithm", metadata.Checksum.Algorithm),
            S3Xml.Element("Size", metadata.Size),
            withOwner ? owner.Element() : null,
            S3Xml.Element("StorageClass", "STANDARD"));

    private static IEnumerable<XElement> CommonPrefixes(ListingPage page, ListQuery query) =>
        page.CommonPrefixes.Select(prefix => S3Xml.Element("CommonPrefixes", S3Xml.Element("Prefix", query.Encode(prefix))));

    // The token is where the next page starts, opaque to clients as S3's is; base64url keeps it safe in a query string.
    private static string EncodeToken(string lastItem) => Base64Url.EncodeToString(Encoding.UTF8.GetBytes(lastItem));

    private static string DecodeToken(string token)
    {
        try
        {
            return Encoding.UTF8.GetString(Base64Url.DecodeFromChars(token));
        }
        catch (FormatException)
        {
            throw S3Errors.InvalidArgument("The continuation token provided is incorrect.");
        }
    }

    /// <summary>The parameters both list versions share.</summary>
    private sealed record ListQuery(string Prefix, string? Delimiter, int MaxKeys, bool UrlEncoded)
    {
        public static ListQuery From(S3Request request)
        {
            var maxKeys = MaxKeysLimit;
            if (request.QueryValue("max-keys") is { } maxKeysText
                && (!int.TryParse(maxKeysText, NumberStyles.None, CultureInfo.InvariantCulture, out maxKeys)))
            {
                throw S3Errors.InvalidArgument("max-keys must be a non-negative integer.");
            }

            var encodingType = request.QueryValue("encoding-type");
            if (encodingType is not null && encodingType != "url")
            {
                throw S3Errors.InvalidArgument("Invalid Encoding Method specified in Request.");
            }

            var delimiter = request.QueryValue("delimiter");
            return new ListQuery(request.QueryValue("prefix") ?? "", string.IsNullOrEmpty(delimiter) ? null : delimiter,
                Math.Min(maxKeys, MaxKeysLimit), encodingType == "url");
        }

        public string Encode(string value) => UrlEncoded ? S3UriEncoding.Encode(value, keepSlash: true) : value;
    }
}
