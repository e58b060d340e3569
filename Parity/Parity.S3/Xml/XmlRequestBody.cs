using System.Xml;
using System.Xml.Linq;
using Parity.S3.Http;

namespace Parity.S3.Xml;

/// <summary>Reading the small XML documents clients send (Delete, CompleteMultipartUpload, CreateBucketConfiguration).</summary>
internal static class XmlRequestBody
{
    // A Delete of 1000 keys of 1024 bytes each, escaped, stays well under this.
    private const int MaxBytes = 8 * 1024 * 1024;

    private static readonly XmlReaderSettings ReaderSettings = new()
    {
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
    };

    /// <summary>The document's root, or null for an empty body.</summary>
    public static async Task<XElement?> ReadAsync(Stream body, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > MaxBytes)
            {
                throw S3Errors.MaxMessageLengthExceeded();
            }

            buffer.Write(chunk, 0, read);
        }

        if (buffer.Length == 0)
        {
            return null;
        }

        buffer.Position = 0;
        try
        {
            using var reader = XmlReader.Create(buffer, ReaderSettings);
            return XDocument.Load(reader).Root;
        }
        catch (XmlException)
        {
            throw S3Errors.MalformedXml();
        }
    }

    /// <summary>Child elements by local name: clients differ on whether they put the S3 namespace on request documents.</summary>
    public static IEnumerable<XElement> Children(XElement parent, string localName) =>
        parent.Elements().Where(element => element.Name.LocalName == localName);

    public static string? ChildValue(XElement parent, string localName) =>
        Children(parent, localName).FirstOrDefault()?.Value;
}
