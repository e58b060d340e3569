namespace Parity.S3.Storage;

/// <summary>An object's sidecar: everything about it except its bytes, which live in <see cref="DataFile"/>.</summary>
internal sealed record ObjectMetadata
{
    public required string Key { get; init; }

    public required long Size { get; init; }

    /// <summary>Without quotes: the MD5 in hex, or for a multipart object the MD5 of the parts' MD5s and "-" and their count.</summary>
    public required string ETag { get; init; }

    public required DateTimeOffset LastModified { get; init; }

    public required ObjectAttributes Attributes { get; init; }

    public ObjectChecksum? Checksum { get; init; }

    /// <summary>The size of each part of a multipart object, so a GET with partNumber can serve one part.</summary>
    public IReadOnlyList<long>? PartSizes { get; init; }

    /// <summary>The file name, in the bucket's folder, of the object's bytes.</summary>
    public required string DataFile { get; init; }
}
