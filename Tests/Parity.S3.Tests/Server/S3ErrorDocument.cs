using System.Net;
using System.Xml.Linq;

namespace Parity.S3.Tests.Server;

/// <summary>The status and S3 error code of a raw HTTP response, for requests the tests craft themselves.</summary>
internal sealed record S3ErrorDocument(HttpStatusCode Status, string? Code, string? Message)
{
    public static async Task<S3ErrorDocument> ReadAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        var root = body.Length == 0 ? null : XDocument.Parse(body).Root;
        return new S3ErrorDocument(response.StatusCode, root?.Element("Code")?.Value, root?.Element("Message")?.Value);
    }
}
