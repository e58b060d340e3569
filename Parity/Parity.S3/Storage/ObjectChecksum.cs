namespace Parity.S3.Storage;

/// <summary>An additional checksum the client sent and the server verified, kept to return it with the object.</summary>
/// <param name="Algorithm">CRC32, CRC32C, CRC64NVME, SHA1 or SHA256.</param>
/// <param name="Value">The base64 digest, as in the x-amz-checksum-* header.</param>
internal sealed record ObjectChecksum(string Algorithm, string Value);
