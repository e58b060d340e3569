namespace Parity.S3.Storage;

/// <summary>S3's bucket naming rules, which also keep a bucket name safe as a folder name.</summary>
internal static class BucketName
{
    public static bool IsValid(string name) =>
        name.Length is >= 3 and <= 63
        && name.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c is '.' or '-')
        && char.IsAsciiLetterOrDigit(name[0])
        && char.IsAsciiLetterOrDigit(name[^1])
        && !name.Contains("..", StringComparison.Ordinal)
        && !LooksLikeIPv4Address(name);

    private static bool LooksLikeIPv4Address(string name) =>
        name.Split('.') is { Length: 4 } parts && parts.All(part => part.All(char.IsAsciiDigit));
}
