using System.Security.Cryptography;
using System.Text;
using System.Xml.Linq;

namespace Parity.S3.Xml;

/// <summary>The Owner element: this server has one owner, the holder of the root credential.</summary>
internal sealed class S3Owner(S3ServerOptions options)
{
    // A stable canonical-user-like ID that does not reveal the access key.
    private readonly string id = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes("parity-s3:" + options.AccessKey)));

    public XElement Element(string name = "Owner") =>
        S3Xml.Element(name, S3Xml.Element("ID", id), S3Xml.Element("DisplayName", "parity"));
}
