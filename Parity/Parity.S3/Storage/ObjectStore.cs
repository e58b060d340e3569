using System.Collections.Concurrent;
using System.Security.Cryptography;
using Parity.S3.Http;

namespace Parity.S3.Storage;

/// <summary>
/// Buckets and objects on disk. A write streams into a temporary file, then becomes visible in one step: the data
/// file is moved into the bucket under a fresh name and the sidecar naming it is renamed over the old one, so a reader
/// sees the old object or the new one, never a mix, and a crashed write leaves only a stray file that start-up removes.
/// </summary>
internal sealed class ObjectStore
{
    private const int CopyBufferSize = 128 * 1024;

    private readonly ConcurrentDictionary<string, BucketIndex> buckets = new(StringComparer.Ordinal);
    private readonly Lock bucketsGate = new();
    private readonly TimeProvider time;
    private readonly ILogger<ObjectStore> logger;

    public ObjectStore(S3ServerOptions options, TimeProvider time, ILogger<ObjectStore> logger)
    {
        this.time = time;
        this.logger = logger;
        Paths = new StoragePaths(options.DataDirectory);
        Directory.CreateDirectory(Paths.Root);
        if (Directory.Exists(Paths.Temp))
        {
            Directory.Delete(Paths.Temp, recursive: true);
        }

        Directory.CreateDirectory(Paths.Temp);
        Directory.CreateDirectory(Paths.Uploads);
        LoadBuckets();
    }

    public StoragePaths Paths { get; }

    public IReadOnlyList<BucketIndex> ListBuckets() =>
        [.. buckets.Values.Where(bucket => !bucket.IsDeleted).OrderBy(bucket => bucket.Name, StringComparer.Ordinal)];

    public BucketIndex GetBucket(string name) =>
        buckets.TryGetValue(name, out var bucket) && !bucket.IsDeleted ? bucket : throw S3Errors.NoSuchBucket();

    public BucketIndex CreateBucket(string name)
    {
        if (!BucketName.IsValid(name))
        {
            throw S3Errors.InvalidBucketName(name);
        }

        lock (bucketsGate)
        {
            if (buckets.TryGetValue(name, out var existing) && !existing.IsDeleted)
            {
                throw S3Errors.BucketAlreadyOwnedByYou();
            }

            var info = new BucketInfo(name, time.GetUtcNow());
            Directory.CreateDirectory(Paths.Bucket(name));
            JsonFile.WriteAtomically(Paths.BucketInfo(name), info, StorageJsonContext.Default.BucketInfo, Paths.NewTempFile());
            var bucket = new BucketIndex(name, info.Created);
            buckets[name] = bucket;
            return bucket;
        }
    }

    public void DeleteBucket(string name)
    {
        lock (bucketsGate)
        {
            var bucket = GetBucket(name);
            if (!bucket.TryDelete(() => Directory.Delete(Paths.Bucket(name), recursive: true)))
            {
                throw S3Errors.BucketNotEmpty();
            }

            buckets.TryRemove(name, out _);
        }
    }

    /// <summary>Writes a body to a temporary file, computing its MD5 (the ETag) on the way.</summary>
    public async Task<StagedObject> StageAsync(Stream content, CancellationToken cancellationToken)
    {
        var path = Paths.NewTempFile();
        try
        {
            using var md5 = IncrementalHash.CreateHash(HashAlgorithmName.MD5);
            long size = 0;
            await using (var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, CopyBufferSize, useAsync: true))
            {
                var buffer = new byte[CopyBufferSize];
                int read;
                while ((read = await content.ReadAsync(buffer, cancellationToken)) > 0)
                {
                    md5.AppendData(buffer, 0, read);
                    await file.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
                    size += read;
                }
            }

            return new StagedObject(path, size, md5.GetHashAndReset());
        }
        catch
        {
            File.Delete(path);
            throw;
        }
    }

    public ObjectMetadata Commit(
        string bucketName,
        string key,
        StagedObject staged,
        ObjectAttributes attributes,
        string etag,
        ObjectChecksum? checksum = null,
        IReadOnlyList<long>? partSizes = null)
    {
        var bucket = GetBucket(bucketName);
        var metadata = new ObjectMetadata
        {
            Key = key,
            Size = staged.Size,
            ETag = etag,
            LastModified = time.GetUtcNow(),
            Attributes = attributes,
            Checksum = checksum,
            PartSizes = partSizes,
            DataFile = StoragePaths.NewDataFileName(key),
        };
        var dataPath = Paths.Data(bucketName, metadata.DataFile);
        try
        {
            File.Move(staged.TempPath, dataPath);
        }
        catch (DirectoryNotFoundException)
        {
            throw S3Errors.NoSuchBucket();
        }

        ObjectMetadata? previous;
        try
        {
            previous = bucket.Commit(metadata, () =>
                JsonFile.WriteAtomically(Paths.Sidecar(bucketName, key), metadata, StorageJsonContext.Default.ObjectMetadata, Paths.NewTempFile()));
        }
        catch
        {
            File.Delete(dataPath);
            throw;
        }

        if (previous is not null)
        {
            DeleteData(bucketName, previous);
        }

        return metadata;
    }

    public ObjectMetadata Find(string bucketName, string key) =>
        GetBucket(bucketName).Find(key) ?? throw S3Errors.NoSuchKey();

    /// <summary>Opens the object's bytes; the stream stays readable even if the object is replaced or deleted meanwhile.</summary>
    public (ObjectMetadata Metadata, FileStream Content) Open(string bucketName, string key)
    {
        // A concurrent overwrite may delete the data file between reading the index and opening it; the index then names the new one.
        for (var attempt = 0; ; attempt++)
        {
            var metadata = Find(bucketName, key);
            try
            {
                var content = new FileStream(Paths.Data(bucketName, metadata.DataFile), FileMode.Open, FileAccess.Read,
                    FileShare.ReadWrite | FileShare.Delete, CopyBufferSize, useAsync: true);
                return (metadata, content);
            }
            catch (FileNotFoundException) when (attempt < 3)
            {
            }
        }
    }

    /// <summary>Deletes an object; true if it existed. Deleting a missing key is no error in S3.</summary>
    public bool Delete(string bucketName, string key)
    {
        var removed = GetBucket(bucketName).Remove(key, _ => File.Delete(Paths.Sidecar(bucketName, key)));
        if (removed is not null)
        {
            DeleteData(bucketName, removed);
        }

        return removed is not null;
    }

    private void DeleteData(string bucketName, ObjectMetadata metadata)
    {
        try
        {
            File.Delete(Paths.Data(bucketName, metadata.DataFile));
        }
        catch (IOException exception)
        {
            logger.LogWarning(exception, "Could not delete {DataFile} of {Bucket}/{Key}", metadata.DataFile, bucketName, metadata.Key);
        }
    }

    private void LoadBuckets()
    {
        foreach (var folder in Directory.EnumerateDirectories(Paths.Root))
        {
            var name = Path.GetFileName(folder);
            if (!BucketName.IsValid(name))
            {
                continue;
            }

            var info = File.Exists(Paths.BucketInfo(name))
                ? JsonFile.Read(Paths.BucketInfo(name), StorageJsonContext.Default.BucketInfo)
                : null;
            var bucket = new BucketIndex(name, info?.Created ?? Directory.GetCreationTimeUtc(folder));
            LoadObjects(bucket, folder);
            buckets[name] = bucket;
        }
    }

    private void LoadObjects(BucketIndex bucket, string folder)
    {
        var referenced = new HashSet<string>(StringComparer.Ordinal);
        foreach (var sidecar in Directory.EnumerateFiles(folder, "*.json"))
        {
            if (Path.GetFileName(sidecar) == ".bucket.json")
            {
                continue;
            }

            try
            {
                var metadata = JsonFile.Read(sidecar, StorageJsonContext.Default.ObjectMetadata);
                if (metadata is not null && File.Exists(Path.Combine(folder, metadata.DataFile)))
                {
                    bucket.Load(metadata);
                    referenced.Add(metadata.DataFile);
                }
            }
            catch (Exception exception) when (exception is IOException or System.Text.Json.JsonException)
            {
                logger.LogWarning(exception, "Skipping unreadable sidecar {Sidecar}", sidecar);
            }
        }

        // Data files no sidecar names are writes that crashed before their commit.
        foreach (var data in Directory.EnumerateFiles(folder, "*.data"))
        {
            if (!referenced.Contains(Path.GetFileName(data)))
            {
                File.Delete(data);
            }
        }
    }
}
