using Parity.S3.Http;

namespace Parity.S3.Payload;

/// <summary>Refuses a decoded body that is shorter or longer than the length the client declared for it.</summary>
internal sealed class LengthCheckingStream(Stream inner, long expectedLength) : ForwardReadStream
{
    private long total;

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        if (buffer.Length == 0)
        {
            return 0;
        }

        var read = await inner.ReadAsync(buffer, cancellationToken);
        total += read;
        if (total > expectedLength || (read == 0 && total != expectedLength))
        {
            throw S3Errors.IncompleteBody($"The decoded body is {total} bytes long; x-amz-decoded-content-length says {expectedLength}.");
        }

        return read;
    }
}
