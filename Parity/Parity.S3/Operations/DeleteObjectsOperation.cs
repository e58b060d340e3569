using System.Xml.Linq;
using Parity.S3.Http;
using Parity.S3.Storage;
using Parity.S3.Xml;

namespace Parity.S3.Operations;

/// <summary>DeleteObjects (POST /bucket?delete): up to 1000 keys in one request, each reported deleted or failed.</summary>
internal sealed class DeleteObjectsOperation(ObjectStore store)
{
    private const int MaxKeys = 1000;

    public async Task DeleteAsync(S3Call call)
    {
        var bucket = call.Request.RequiredBucket;
        store.GetBucket(bucket);
        var document = await XmlRequestBody.ReadAsync(call.Payload.Body, call.Aborted);
        if (document is null || document.Name.LocalName != "Delete")
        {
            throw S3Errors.MalformedXml();
        }

        var quiet = string.Equals(XmlRequestBody.ChildValue(document, "Quiet"), "true", StringComparison.OrdinalIgnoreCase);
        var keys = XmlRequestBody.Children(document, "Object").Select(entry => XmlRequestBody.ChildValue(entry, "Key")).ToList();
        if (keys.Count is 0 or > MaxKeys || keys.Any(string.IsNullOrEmpty))
        {
            throw S3Errors.MalformedXml();
        }

        var results = new List<XElement>();
        foreach (var key in keys)
        {
            try
            {
                store.Delete(bucket, key!);
                if (!quiet)
                {
                    results.Add(S3Xml.Element("Deleted", S3Xml.Element("Key", key)));
                }
            }
            catch (S3Exception error)
            {
                results.Add(S3Xml.Element("Error",
                    S3Xml.Element("Key", key),
                    S3Xml.Element("Code", error.Code),
                    S3Xml.Element("Message", error.Message)));
            }
        }

        await S3Xml.WriteAsync(call.Response, S3Xml.Element("DeleteResult", results));
    }
}
