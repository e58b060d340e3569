using System.Globalization;
using System.Text;

namespace Parity.S3.Tests.Signing;

/// <summary>Builds aws-chunked bodies the way AWS documents them, optionally signed and with trailers.</summary>
internal static class AwsChunkedBody
{
    /// <param name="signer">Signs the chunks, chained from <paramref name="seedSignature"/>; null for unsigned chunks.</param>
    public static byte[] Encode(
        byte[] data,
        int chunkSize,
        IReadOnlyDictionary<string, string>? trailers = null,
        TestSigV4Signer? signer = null,
        DateTimeOffset time = default,
        string? seedSignature = null)
    {
        var body = new MemoryStream();
        var previous = seedSignature;
        for (var offset = 0; ; offset += chunkSize)
        {
            var chunk = data.AsSpan(Math.Min(offset, data.Length), Math.Clamp(data.Length - offset, 0, chunkSize)).ToArray();
            var header = chunk.Length.ToString("x", CultureInfo.InvariantCulture);
            if (signer is not null)
            {
                previous = signer.Sign(time,
                    $"AWS4-HMAC-SHA256-PAYLOAD\n{TestSigV4Signer.AmzDate(time)}\n{signer.Scope(time)}\n{previous}\n{TestSigV4Signer.EmptySha256}\n{TestSigV4Signer.Sha256Hex(chunk)}");
                header += ";chunk-signature=" + previous;
            }

            Write(body, header + "\r\n");
            body.Write(chunk);
            if (chunk.Length == 0)
            {
                break;
            }

            Write(body, "\r\n");
        }

        if (trailers is null)
        {
            Write(body, "\r\n");
            return body.ToArray();
        }

        var canonical = string.Concat(trailers.OrderBy(pair => pair.Key, StringComparer.Ordinal).Select(pair => $"{pair.Key}:{pair.Value}\n"));
        Write(body, canonical.Replace("\n", "\r\n", StringComparison.Ordinal));
        if (signer is not null)
        {
            var trailerSignature = signer.Sign(time,
                $"AWS4-HMAC-SHA256-TRAILER\n{TestSigV4Signer.AmzDate(time)}\n{signer.Scope(time)}\n{previous}\n{TestSigV4Signer.Sha256Hex(Encoding.UTF8.GetBytes(canonical))}");
            Write(body, $"x-amz-trailer-signature:{trailerSignature}\r\n");
        }

        Write(body, "\r\n");
        return body.ToArray();
    }

    /// <summary>CRC32 (IEEE), bit by bit, base64 of its big-endian bytes as x-amz-checksum-crc32 carries it.</summary>
    public static string Crc32Base64(byte[] data)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in data)
        {
            crc ^= b;
            for (var bit = 0; bit < 8; bit++)
            {
                crc = (crc & 1) != 0 ? (crc >> 1) ^ 0xEDB88320u : crc >> 1;
            }
        }

        crc ^= 0xFFFFFFFFu;
        return Convert.ToBase64String([(byte)(crc >> 24), (byte)(crc >> 16), (byte)(crc >> 8), (byte)crc]);
    }

    private static void Write(MemoryStream body, string text) => body.Write(Encoding.ASCII.GetBytes(text));
}
