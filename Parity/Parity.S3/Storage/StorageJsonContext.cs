using System.Text.Json.Serialization;

namespace Parity.S3.Storage;

[JsonSourceGenerationOptions(WriteIndented = true)]
[JsonSerializable(typeof(ObjectMetadata))]
[JsonSerializable(typeof(BucketInfo))]
[JsonSerializable(typeof(MultipartUpload))]
[JsonSerializable(typeof(UploadedPart))]
internal sealed partial class StorageJsonContext : JsonSerializerContext;
