using System.Globalization;
using Parity.S3.Http;

namespace Parity.S3.Operations;

/// <summary>A single byte range of an object, from a Range header ("bytes=a-b", "bytes=a-", "bytes=-n").</summary>
internal readonly record struct ByteRange(long Start, long Length)
{
    public long End => Start + Length - 1;

    /// <summary>The range asked for, or null for the whole object; S3 ignores a Range it cannot parse.</summary>
    public static ByteRange? Parse(string? header, long size)
    {
        if (header is null || !header.StartsWith("bytes=", StringComparison.OrdinalIgnoreCase) || header.Contains(','))
        {
            return null;
        }

        var spec = header["bytes=".Length..].Trim();
        var dash = spec.IndexOf('-');
        if (dash < 0)
        {
            return null;
        }

        var firstText = spec[..dash];
        var lastText = spec[(dash + 1)..];
        if (firstText.Length == 0)
        {
            if (!TryParse(lastText, out var suffix))
            {
                return null;
            }

            return suffix == 0 || size == 0 ? throw S3Errors.InvalidRange() : new ByteRange(Math.Max(0, size - suffix), Math.Min(suffix, size));
        }

        if (!TryParse(firstText, out var first))
        {
            return null;
        }

        var last = size - 1;
        if (lastText.Length > 0)
        {
            if (!TryParse(lastText, out last) || last < first)
            {
                return null;
            }
        }

        if (first >= size)
        {
            throw S3Errors.InvalidRange();
        }

        last = Math.Min(last, size - 1);
        return new ByteRange(first, last - first + 1);
    }

    private static bool TryParse(string text, out long value) =>
        long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out value);
}
