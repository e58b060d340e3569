using Parity.S3.Http;

namespace Parity.S3.Operations;

/// <summary>The object named by x-amz-copy-source: "[/]bucket/key[?versionId=...]", the key URL-encoded.</summary>
internal sealed record CopySource(string Bucket, string Key)
{
    public static CopySource Parse(string header)
    {
        var questionMark = header.IndexOf('?');
        var path = Uri.UnescapeDataString(questionMark < 0 ? header : header[..questionMark]).TrimStart('/');
        var slash = path.IndexOf('/');
        if (slash <= 0 || slash == path.Length - 1)
        {
            throw S3Errors.InvalidArgument("Copy Source must mention the source bucket and key: sourcebucket/sourcekey.");
        }

        return new CopySource(path[..slash], path[(slash + 1)..]);
    }
}
