namespace Parity.S3.Payload;

/// <summary>
/// Passes a body through while computing a checksum, and hands the digest to <c>verify</c> when the body ends; verify
/// throws to refuse the body, so a consumer that stores only what it read to the end never keeps a mismatched one.
/// </summary>
internal sealed class ChecksumVerifyingStream(Stream inner, IRunningChecksum checksum, Action<byte[]> verify) : ForwardReadStream
{
    private bool verified;

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        if (verified || buffer.Length == 0)
        {
            return 0;
        }

        var read = await inner.ReadAsync(buffer, cancellationToken);
        if (read > 0)
        {
            checksum.Append(buffer.Span[..read]);
            return read;
        }

        verified = true;
        verify(checksum.Finish());
        return 0;
    }
}
