using System.Collections.Concurrent;
using System.Globalization;
using System.Security.Cryptography;
using Parity.S3.Http;

namespace Parity.S3.Storage;

/// <summary>
/// Multipart uploads on disk, one folder per upload so they survive a restart. Completing one concatenates the parts
/// into a staged file and commits it like any other object, with S3's multipart ETag.
/// </summary>
internal sealed class MultipartStore(ObjectStore store, TimeProvider time)
{
    public const int MaxPartNumber = 10_000;
    private const long MinPartSize = 5 * 1024 * 1024;
    private const string UploadFile = "upload.json";

    private readonly ConcurrentDictionary<string, Lock> uploadGates = new(StringComparer.Ordinal);

    public MultipartUpload Create(string bucket, string key, ObjectAttributes attributes)
    {
        store.GetBucket(bucket);
        var upload = new MultipartUpload(Guid.NewGuid().ToString("N"), bucket, key, attributes, time.GetUtcNow());
        Directory.CreateDirectory(Folder(upload.UploadId));
        JsonFile.WriteAtomically(UploadPath(upload.UploadId), upload, StorageJsonContext.Default.MultipartUpload, store.Paths.NewTempFile());
        return upload;
    }

    public MultipartUpload Find(string bucket, string key, string uploadId)
    {
        store.GetBucket(bucket);
        // The id becomes a folder name: anything but our own 32 hex digits could climb out of the uploads folder.
        if (uploadId.Length != 32 || !uploadId.All(char.IsAsciiHexDigit) || !File.Exists(UploadPath(uploadId)))
        {
            throw S3Errors.NoSuchUpload();
        }

        var upload = JsonFile.Read(UploadPath(uploadId), StorageJsonContext.Default.MultipartUpload);
        return upload is not null && upload.Bucket == bucket && upload.Key == key ? upload : throw S3Errors.NoSuchUpload();
    }

    public UploadedPart PutPart(MultipartUpload upload, int partNumber, StagedObject staged, ObjectChecksum? checksum)
    {
        var part = new UploadedPart(partNumber, staged.Size, staged.Md5Hex, time.GetUtcNow(), $"{partNumber}.{Guid.NewGuid():N}.part", checksum);
        lock (Gate(upload.UploadId))
        {
            var previous = FindPart(upload.UploadId, partNumber);
            try
            {
                File.Move(staged.TempPath, Path.Combine(Folder(upload.UploadId), part.DataFile));
            }
            catch (DirectoryNotFoundException)
            {
                throw S3Errors.NoSuchUpload();
            }

            JsonFile.WriteAtomically(PartPath(upload.UploadId, partNumber), part, StorageJsonContext.Default.UploadedPart, store.Paths.NewTempFile());
            if (previous is not null)
            {
                File.Delete(Path.Combine(Folder(upload.UploadId), previous.DataFile));
            }
        }

        return part;
    }

    public IReadOnlyList<UploadedPart> ListParts(MultipartUpload upload) =>
        [.. Directory.EnumerateFiles(Folder(upload.UploadId), "*.json")
            .Where(path => Path.GetFileName(path) != UploadFile)
            .Select(path => JsonFile.Read(path, StorageJsonContext.Default.UploadedPart))
            .OfType<UploadedPart>()
            .OrderBy(part => part.PartNumber)];

    public IReadOnlyList<MultipartUpload> ListUploads(string bucket, string prefix)
    {
        store.GetBucket(bucket);
        return [.. Directory.EnumerateDirectories(store.Paths.Uploads)
            .Select(folder => Path.Combine(folder, UploadFile))
            .Where(File.Exists)
            .Select(path => JsonFile.Read(path, StorageJsonContext.Default.MultipartUpload))
            .OfType<MultipartUpload>()
            .Where(upload => upload.Bucket == bucket && upload.Key.StartsWith(prefix, StringComparison.Ordinal))
            .OrderBy(upload => upload.Key, KeyComparer.Instance)
            .ThenBy(upload => upload.Initiated)];
    }

    public async Task<ObjectMetadata> CompleteAsync(MultipartUpload upload, IReadOnlyList<(int PartNumber, string ETag)> requested, CancellationToken cancellationToken)
    {
        var parts = SelectParts(upload, requested);
        var folder = Folder(upload.UploadId);
        await using var concatenated = new ConcatenatedFiles(parts.Select(part => Path.Combine(folder, part.DataFile)));
        using var staged = await store.StageAsync(concatenated, cancellationToken);
        var md5OfMd5s = MD5.HashData(parts.SelectMany(part => Convert.FromHexString(part.ETag)).ToArray());
        var etag = $"{Convert.ToHexStringLower(md5OfMd5s)}-{parts.Count.ToString(CultureInfo.InvariantCulture)}";
        var metadata = store.Commit(upload.Bucket, upload.Key, staged, upload.Attributes, etag, partSizes: [.. parts.Select(part => part.Size)]);
        Abort(upload);
        return metadata;
    }

    public void Abort(MultipartUpload upload)
    {
        lock (Gate(upload.UploadId))
        {
            if (Directory.Exists(Folder(upload.UploadId)))
            {
                Directory.Delete(Folder(upload.UploadId), recursive: true);
            }
        }

        uploadGates.TryRemove(upload.UploadId, out _);
    }

    private List<UploadedPart> SelectParts(MultipartUpload upload, IReadOnlyList<(int PartNumber, string ETag)> requested)
    {
        if (requested.Count == 0)
        {
            throw S3Errors.MalformedXml();
        }

        var parts = new List<UploadedPart>(requested.Count);
        for (var i = 0; i < requested.Count; i++)
        {
            if (i > 0 && requested[i].PartNumber <= requested[i - 1].PartNumber)
            {
                throw S3Errors.InvalidPartOrder();
            }

            var part = FindPart(upload.UploadId, requested[i].PartNumber);
            if (part is null || !string.Equals(part.ETag, requested[i].ETag.Trim().Trim('"'), StringComparison.OrdinalIgnoreCase))
            {
                throw S3Errors.InvalidPart();
            }

            parts.Add(part);
        }

        if (parts.SkipLast(1).Any(part => part.Size < MinPartSize))
        {
            throw S3Errors.EntityTooSmall();
        }

        return parts;
    }

    private UploadedPart? FindPart(string uploadId, int partNumber)
    {
        var path = PartPath(uploadId, partNumber);
        return File.Exists(path) ? JsonFile.Read(path, StorageJsonContext.Default.UploadedPart) : null;
    }

    private Lock Gate(string uploadId) => uploadGates.GetOrAdd(uploadId, _ => new Lock());

    private string Folder(string uploadId) => Path.Combine(store.Paths.Uploads, uploadId);

    private string UploadPath(string uploadId) => Path.Combine(Folder(uploadId), UploadFile);

    private string PartPath(string uploadId, int partNumber) =>
        Path.Combine(Folder(uploadId), partNumber.ToString(CultureInfo.InvariantCulture) + ".json");
}
