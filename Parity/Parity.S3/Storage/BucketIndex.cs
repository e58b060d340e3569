using Parity.S3.Http;

namespace Parity.S3.Storage;

/// <summary>
/// A bucket's objects, sorted by key in memory (loaded from the sidecars at start), so listings need no disk scan.
/// Every change to the index happens under its lock together with the sidecar write that makes it durable, so the
/// disk and the index agree on which write of a key came last.
/// </summary>
internal sealed class BucketIndex(string name, DateTimeOffset created)
{
    private readonly SortedList<string, ObjectMetadata> objects = new(KeyComparer.Instance);
    private readonly Lock gate = new();
    private bool deleted;

    public string Name { get; } = name;

    public DateTimeOffset Created { get; } = created;

    public bool IsDeleted
    {
        get
        {
            lock (gate)
            {
                return deleted;
            }
        }
    }

    public ObjectMetadata? Find(string key)
    {
        lock (gate)
        {
            return objects.GetValueOrDefault(key);
        }
    }

    /// <summary>Loads an object found on disk at start; no sidecar is written.</summary>
    public void Load(ObjectMetadata metadata)
    {
        lock (gate)
        {
            objects[metadata.Key] = metadata;
        }
    }

    /// <summary>Makes <paramref name="metadata"/> the object's current version; returns the one it replaced.</summary>
    public ObjectMetadata? Commit(ObjectMetadata metadata, Action writeSidecar)
    {
        lock (gate)
        {
            if (deleted)
            {
                throw S3Errors.NoSuchBucket();
            }

            writeSidecar();
            var previous = objects.GetValueOrDefault(metadata.Key);
            objects[metadata.Key] = metadata;
            return previous;
        }
    }

    public ObjectMetadata? Remove(string key, Action<ObjectMetadata> deleteSidecar)
    {
        lock (gate)
        {
            if (!objects.TryGetValue(key, out var metadata))
            {
                return null;
            }

            deleteSidecar(metadata);
            objects.Remove(key);
            return metadata;
        }
    }

    /// <summary>Deletes the bucket if it holds no object; false if it does.</summary>
    public bool TryDelete(Action deleteFolder)
    {
        lock (gate)
        {
            if (objects.Count > 0)
            {
                return false;
            }

            deleteFolder();
            deleted = true;
            return true;
        }
    }

    public ListingPage List(string prefix, string? delimiter, string? after, int maxKeys)
    {
        lock (gate)
        {
            return ObjectListing.Page(objects.Keys, objects.Values, prefix, delimiter, after, maxKeys);
        }
    }
}
