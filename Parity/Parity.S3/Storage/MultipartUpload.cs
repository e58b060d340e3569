namespace Parity.S3.Storage;

/// <summary>An upload in progress: "upload.json" in its folder under the server's uploads folder.</summary>
internal sealed record MultipartUpload(string UploadId, string Bucket, string Key, ObjectAttributes Attributes, DateTimeOffset Initiated);
