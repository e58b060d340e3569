using System.Security.Cryptography;

namespace Parity.S3.Payload;

/// <summary>One of S3's additional checksums (x-amz-checksum-*), which a client sends as a header or a trailer.</summary>
internal sealed record ChecksumAlgorithm(string Name, Func<IRunningChecksum> Create)
{
    public static readonly IReadOnlyList<ChecksumAlgorithm> All =
    [
        new("CRC32", ReflectedCrc.Crc32),
        new("CRC32C", ReflectedCrc.Crc32C),
        new("CRC64NVME", ReflectedCrc.Crc64Nvme),
        new("SHA1", () => new IncrementalHashChecksum(HashAlgorithmName.SHA1)),
        new("SHA256", () => new IncrementalHashChecksum(HashAlgorithmName.SHA256)),
    ];

    public string HeaderName => "x-amz-checksum-" + Name.ToLowerInvariant();

    public static ChecksumAlgorithm? FromHeaderName(string headerName) =>
        All.FirstOrDefault(algorithm => string.Equals(algorithm.HeaderName, headerName, StringComparison.OrdinalIgnoreCase));

    public static ChecksumAlgorithm? FromName(string? name) =>
        All.FirstOrDefault(algorithm => string.Equals(algorithm.Name, name, StringComparison.OrdinalIgnoreCase));
}
