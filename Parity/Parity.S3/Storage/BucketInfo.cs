namespace Parity.S3.Storage;

/// <summary>The bucket's own sidecar, ".bucket.json" in its folder.</summary>
internal sealed record BucketInfo(string Name, DateTimeOffset Created);
