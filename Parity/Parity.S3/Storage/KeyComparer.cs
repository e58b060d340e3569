namespace Parity.S3.Storage;

/// <summary>
/// Orders keys as S3 lists them, by their UTF-8 bytes. That is code point order, which differs from .NET's ordinal
/// (UTF-16) order only for characters above U+FFFF against those from U+E000 to U+FFFF.
/// </summary>
internal sealed class KeyComparer : IComparer<string>
{
    public static readonly KeyComparer Instance = new();

    public int Compare(string? x, string? y)
    {
        if (x is null || y is null)
        {
            return x is null ? (y is null ? 0 : -1) : 1;
        }

        var length = Math.Min(x.Length, y.Length);
        for (var i = 0; i < length; i++)
        {
            if (x[i] != y[i])
            {
                return CodePointRank(x[i]) - CodePointRank(y[i]);
            }
        }

        return x.Length - y.Length;
    }

    // Surrogates (D800-DFFF) stand for code points above FFFF, so they must sort after E000-FFFF.
    private static int CodePointRank(char c) => c switch
    {
        >= '\uE000' => c - 0x800,
        >= '\uD800' => c + 0x2000,
        _ => c,
    };
}
