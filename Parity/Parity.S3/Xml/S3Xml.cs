using System.Globalization;
using System.Text;
using System.Xml;
using System.Xml.Linq;

namespace Parity.S3.Xml;

/// <summary>Writing S3's XML documents: its namespace, its timestamp format, and the response around them.</summary>
internal static class S3Xml
{
    public static readonly XNamespace Namespace = "http://s3.amazonaws.com/doc/2006-03-01/";

    private static readonly XmlWriterSettings WriterSettings = new()
    {
        Encoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false),
        // Keys may hold characters XML 1.0 cannot carry; S3 sends them anyway rather than failing the listing.
        CheckCharacters = false,
    };

    /// <summary>An element in the S3 namespace; null content is left out, so optional fields vanish.</summary>
    public static XElement Element(string name, params object?[] content) => new(Namespace + name, content);

    public static string Timestamp(DateTimeOffset value) =>
        value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    public static string Boolean(bool value) => value ? "true" : "false";

    public static string Quoted(string etag) => $"\"{etag}\"";

    public static async Task WriteAsync(HttpResponse response, XElement root, int statusCode = StatusCodes.Status200OK)
    {
        using var buffer = new MemoryStream();
        using (var writer = XmlWriter.Create(buffer, WriterSettings))
        {
            new XDocument(new XDeclaration("1.0", "UTF-8", null), root).Save(writer);
        }

        response.StatusCode = statusCode;
        response.ContentType = "application/xml";
        response.ContentLength = buffer.Length;
        if (!HttpMethods.IsHead(response.HttpContext.Request.Method))
        {
            await response.Body.WriteAsync(buffer.GetBuffer().AsMemory(0, (int)buffer.Length), response.HttpContext.RequestAborted);
        }
    }
}
