namespace Parity.S3.Payload;

/// <summary>A hash or CRC computed over a body as it streams by.</summary>
internal interface IRunningChecksum
{
    void Append(ReadOnlySpan<byte> data);

    /// <summary>The digest in the byte order S3 base64-encodes it (big-endian for CRCs).</summary>
    byte[] Finish();
}
