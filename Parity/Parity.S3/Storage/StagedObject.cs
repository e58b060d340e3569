namespace Parity.S3.Storage;

/// <summary>
/// Bytes written to a temporary file and not yet an object. A failure before commit (a bad signature at the end
/// of the body, a client that went away) leaves no trace: disposing deletes the file unless commit moved it.
/// </summary>
internal sealed class StagedObject(string tempPath, long size, byte[] md5) : IDisposable
{
    public string TempPath { get; } = tempPath;

    public long Size { get; } = size;

    public byte[] Md5 { get; } = md5;

    public string Md5Hex => Convert.ToHexStringLower(Md5);

    public void Dispose() => File.Delete(TempPath);
}
