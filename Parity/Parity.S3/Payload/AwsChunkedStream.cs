using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Parity.S3.Auth;
using Parity.S3.Http;

namespace Parity.S3.Payload;

/// <summary>
/// Decodes an aws-chunked body ("hex-size[;chunk-signature=sig]\r\n data \r\n ... 0[;chunk-signature=sig]\r\n
/// [trailers\r\n] \r\n"), verifying chunk and trailer signatures when the body is signed, and collecting the
/// trailers (such as x-amz-checksum-crc32) for whoever checks them once the body has ended.
/// </summary>
internal sealed class AwsChunkedStream(Stream inner, ChunkSignatureChain? signatures, bool hasTrailer) : ForwardReadStream
{
    private const int MaxLineLength = 4096;
    private const string SignatureExtension = "chunk-signature=";
    private const string TrailerSignatureName = "x-amz-trailer-signature";

    private readonly byte[] buffer = new byte[64 * 1024];
    private readonly IncrementalHash? chunkHash = signatures is null ? null : IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
    private readonly Dictionary<string, string> trailers = new(StringComparer.Ordinal);
    private int bufferStart;
    private int bufferEnd;
    private long chunkRemaining;
    private string chunkSignature = "";
    private bool finished;

    /// <summary>The trailers, names in lower case; complete once the stream has returned 0.</summary>
    public IReadOnlyDictionary<string, string> Trailers => trailers;

    public override async ValueTask<int> ReadAsync(Memory<byte> destination, CancellationToken cancellationToken = default)
    {
        if (destination.Length == 0)
        {
            return 0;
        }

        while (!finished)
        {
            if (chunkRemaining == 0)
            {
                await StartChunkAsync(cancellationToken);
                continue;
            }

            if (bufferStart == bufferEnd && !await FillAsync(cancellationToken))
            {
                throw S3Errors.IncompleteBody("The aws-chunked body ended inside a chunk.");
            }

            var count = (int)Math.Min(Math.Min(destination.Length, bufferEnd - bufferStart), chunkRemaining);
            var data = buffer.AsMemory(bufferStart, count);
            data.CopyTo(destination);
            chunkHash?.AppendData(data.Span);
            bufferStart += count;
            chunkRemaining -= count;
            if (chunkRemaining == 0)
            {
                await EndChunkAsync(cancellationToken);
            }

            return count;
        }

        return 0;
    }

    private async ValueTask StartChunkAsync(CancellationToken cancellationToken)
    {
        var line = await ReadLineAsync(cancellationToken) ?? throw S3Errors.IncompleteBody("The aws-chunked body ended before its final chunk.");
        var semicolon = line.IndexOf(';');
        var sizeText = semicolon < 0 ? line : line[..semicolon];
        if (sizeText.Length is 0 or > 15 || !long.TryParse(sizeText, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var size))
        {
            throw S3Errors.IncompleteBody($"The aws-chunked body has a malformed chunk size '{sizeText}'.");
        }

        if (signatures is not null)
        {
            var extension = semicolon < 0 ? "" : line[(semicolon + 1)..];
            chunkSignature = extension.StartsWith(SignatureExtension, StringComparison.Ordinal)
                ? extension[SignatureExtension.Length..]
                : throw S3Errors.SignatureDoesNotMatch([new("Reason", "A chunk of a signed aws-chunked body has no chunk-signature.")]);
        }

        if (size > 0)
        {
            chunkRemaining = size;
            return;
        }

        signatures?.VerifyChunk(chunkSignature, SHA256.HashData(ReadOnlySpan<byte>.Empty));
        if (hasTrailer)
        {
            await ReadTrailersAsync(cancellationToken);
        }
        else if (await ReadLineAsync(cancellationToken) is { Length: > 0 })
        {
            throw S3Errors.IncompleteBody("The final chunk of an aws-chunked body must be followed by an empty line.");
        }

        finished = true;
    }

    private async ValueTask EndChunkAsync(CancellationToken cancellationToken)
    {
        while (bufferEnd - bufferStart < 2)
        {
            if (!await FillAsync(cancellationToken))
            {
                throw S3Errors.IncompleteBody("The aws-chunked body ended inside a chunk.");
            }
        }

        if (buffer[bufferStart] != '\r' || buffer[bufferStart + 1] != '\n')
        {
            throw S3Errors.IncompleteBody("A chunk of the aws-chunked body is longer than its declared size.");
        }

        bufferStart += 2;
        if (signatures is not null)
        {
            signatures.VerifyChunk(chunkSignature, chunkHash!.GetHashAndReset());
        }
    }

    private async ValueTask ReadTrailersAsync(CancellationToken cancellationToken)
    {
        string? trailerSignature = null;
        // Some clients end the trailers with the last CRLF and no empty line, so the end of the body ends them too.
        while (await ReadLineAsync(cancellationToken) is { Length: > 0 } line)
        {
            var colon = line.IndexOf(':');
            if (colon <= 0)
            {
                throw S3Errors.MalformedTrailer($"The trailer line '{line}' is not 'name:value'.");
            }

            var name = line[..colon].Trim().ToLowerInvariant();
            var value = line[(colon + 1)..].Trim();
            if (name == TrailerSignatureName)
            {
                trailerSignature = value;
            }
            else
            {
                trailers[name] = value;
            }
        }

        if (signatures is not null)
        {
            var canonical = string.Concat(trailers.OrderBy(pair => pair.Key, StringComparer.Ordinal).Select(pair => $"{pair.Key}:{pair.Value}\n"));
            signatures.VerifyTrailer(
                trailerSignature ?? throw S3Errors.SignatureDoesNotMatch([new("Reason", "The trailers of a signed aws-chunked body have no x-amz-trailer-signature.")]),
                canonical);
        }
    }

    /// <summary>The next line without its CRLF, or null when the body ends before any byte of it.</summary>
    private async ValueTask<string?> ReadLineAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            if (TryTakeLine(out var line))
            {
                return line;
            }

            if (bufferEnd - bufferStart >= MaxLineLength)
            {
                throw S3Errors.IncompleteBody("A chunk header or trailer of the aws-chunked body is too long.");
            }

            if (!await FillAsync(cancellationToken))
            {
                return bufferStart == bufferEnd ? null : throw S3Errors.IncompleteBody("The aws-chunked body ended inside a chunk header.");
            }
        }
    }

    private bool TryTakeLine(out string line)
    {
        var available = buffer.AsSpan(bufferStart, bufferEnd - bufferStart);
        var newline = available.IndexOf((byte)'\n');
        if (newline < 0)
        {
            line = "";
            return false;
        }

        var content = available[..newline];
        if (content.Length > 0 && content[^1] == '\r')
        {
            content = content[..^1];
        }

        line = Encoding.UTF8.GetString(content);
        bufferStart += newline + 1;
        return true;
    }

    private async ValueTask<bool> FillAsync(CancellationToken cancellationToken)
    {
        if (bufferStart > 0)
        {
            Buffer.BlockCopy(buffer, bufferStart, buffer, 0, bufferEnd - bufferStart);
            bufferEnd -= bufferStart;
            bufferStart = 0;
        }

        var read = await inner.ReadAsync(buffer.AsMemory(bufferEnd), cancellationToken);
        bufferEnd += read;
        return read > 0;
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            chunkHash?.Dispose();
        }

        base.Dispose(disposing);
    }
}
