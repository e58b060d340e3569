using Parity.S3.Payload;

namespace Parity.S3.Storage;

/// <summary>The next <c>length</c> bytes of a stream, as a stream: a byte range of an object.</summary>
internal sealed class BoundedReadStream(Stream inner, long length) : ForwardReadStream
{
    private long remaining = length;

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        if (remaining == 0 || buffer.Length == 0)
        {
            return 0;
        }

        var read = await inner.ReadAsync(buffer[..(int)Math.Min(buffer.Length, remaining)], cancellationToken);
        remaining -= read;
        return read;
    }
}
