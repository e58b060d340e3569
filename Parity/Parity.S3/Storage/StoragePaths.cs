using System.Security.Cryptography;
using System.Text;

namespace Parity.S3.Storage;

/// <summary>
/// The data directory's layout. A bucket is a folder; an object is a sidecar "&lt;sha256(key)&gt;.json" and a data file
/// it names. Keys are hashed because no file naming can hold every S3 key: "a" and "a/b" are both objects,
/// names may be longer than 255 bytes, and some file systems ignore case.
/// </summary>
internal sealed class StoragePaths(string root)
{
    public string Root { get; } = root;

    /// <summary>The server's own folder; a leading dot can never be a bucket name.</summary>
    public string System => Path.Combine(Root, ".parity-s3");

    public string Temp => Path.Combine(System, "tmp");

    public string Uploads => Path.Combine(System, "uploads");

    public string Bucket(string bucket) => Path.Combine(Root, bucket);

    public string BucketInfo(string bucket) => Path.Combine(Bucket(bucket), ".bucket.json");

    public string Sidecar(string bucket, string key) => Path.Combine(Bucket(bucket), KeyStem(key) + ".json");

    public string Data(string bucket, string dataFile) => Path.Combine(Bucket(bucket), dataFile);

    public string NewTempFile() => Path.Combine(Temp, Guid.NewGuid().ToString("N"));

    public static string NewDataFileName(string key) => $"{KeyStem(key)}.{Guid.NewGuid():N}.data";

    private static string KeyStem(string key) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));
}
