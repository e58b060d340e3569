namespace Parity.S3.Storage;

/// <summary>A part received for an upload: "&lt;number&gt;.json" beside the data file it names.</summary>
internal sealed record UploadedPart(int PartNumber, long Size, string ETag, DateTimeOffset LastModified, string DataFile, ObjectChecksum? Checksum);
