using System.Security.Cryptography;

namespace Parity.S3.Payload;

/// <summary>A cryptographic hash (MD5, SHA-1, SHA-256) as a running checksum.</summary>
internal sealed class IncrementalHashChecksum(HashAlgorithmName algorithm) : IRunningChecksum
{
    private readonly IncrementalHash hash = IncrementalHash.CreateHash(algorithm);

    public void Append(ReadOnlySpan<byte> data) => hash.AppendData(data);

    public byte[] Finish() => hash.GetHashAndReset();
}
