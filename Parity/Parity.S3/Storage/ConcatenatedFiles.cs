using Parity.S3.Payload;

namespace Parity.S3.Storage;

/// <summary>Reads several files one after the other as one stream: the parts of a multipart upload, in order.</summary>
internal sealed class ConcatenatedFiles(IEnumerable<string> paths) : ForwardReadStream
{
    private readonly Queue<string> remaining = new(paths);
    private FileStream? current;

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        while (buffer.Length > 0)
        {
            if (current is null)
            {
                if (!remaining.TryDequeue(out var path))
                {
                    return 0;
                }

                current = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 128 * 1024, useAsync: true);
            }

            var read = await current.ReadAsync(buffer, cancellationToken);
            if (read > 0)
            {
                return read;
            }

            await current.DisposeAsync();
            current = null;
        }

        return 0;
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            current?.Dispose();
        }

        base.Dispose(disposing);
    }
}
