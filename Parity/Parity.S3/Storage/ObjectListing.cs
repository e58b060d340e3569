namespace Parity.S3.Storage;

/// <summary>
/// S3's listing over sorted keys. With a delimiter, keys that contain it after the prefix roll up into one common
/// prefix, which counts as one entry toward max-keys. A page resumes after its last item: a key, or a common prefix
/// whose keys must all be skipped, which is why "after" is compared with rolled-up prefixes as well as keys.
/// </summary>
internal static class ObjectListing
{
    public static ListingPage Page(IList<string> keys, IList<ObjectMetadata> values, string prefix, string? delimiter, string? after, int maxKeys)
    {
        var objects = new List<ObjectMetadata>();
        var prefixes = new List<string>();
        string? last = null;
        if (maxKeys <= 0)
        {
            return new ListingPage(objects, prefixes, false, null);
        }

        var comparer = KeyComparer.Instance;
        var start = after is not null && comparer.Compare(after, prefix) >= 0 ? after : prefix;
        var index = LowerBound(keys, start, 0);
        if (after is not null && index < keys.Count && keys[index] == after)
        {
            index++;
        }

        while (index < keys.Count && keys[index].StartsWith(prefix, StringComparison.Ordinal))
        {
            var key = keys[index];
            var rolledUp = RolledUpPrefix(key, prefix, delimiter);
            if (rolledUp is not null && after is not null && comparer.Compare(rolledUp, after) <= 0)
            {
                index = EndOfPrefix(keys, rolledUp, index);
                continue;
            }

            if (objects.Count + prefixes.Count == maxKeys)
            {
                return new ListingPage(objects, prefixes, true, last);
            }

            if (rolledUp is not null)
            {
                prefixes.Add(rolledUp);
                last = rolledUp;
                index = EndOfPrefix(keys, rolledUp, index);
            }
            else
            {
                objects.Add(values[index]);
                last = key;
                index++;
            }
        }

        return new ListingPage(objects, prefixes, false, last);
    }

    private static string? RolledUpPrefix(string key, string prefix, string? delimiter)
    {
        if (string.IsNullOrEmpty(delimiter))
        {
            return null;
        }

        var at = key.IndexOf(delimiter, prefix.Length, StringComparison.Ordinal);
        return at < 0 ? null : key[..(at + delimiter.Length)];
    }

    /// <summary>The first index at or after <paramref name="from"/> whose key is not below <paramref name="value"/>.</summary>
    private static int LowerBound(IList<string> keys, string value, int from)
    {
        int low = from, high = keys.Count;
        while (low < high)
        {
            var middle = low + ((high - low) / 2);
            if (KeyComparer.Instance.Compare(keys[middle], value) < 0)
            {
                low = middle + 1;
            }
            else
            {
                high = middle;
            }
        }

        return low;
    }

    /// <summary>The first index after <paramref name="from"/> whose key does not start with <paramref name="prefix"/>.</summary>
    private static int EndOfPrefix(IList<string> keys, string prefix, int from)
    {
        int low = from + 1, high = keys.Count;
        while (low < high)
        {
            var middle = low + ((high - low) / 2);
            if (keys[middle].StartsWith(prefix, StringComparison.Ordinal))
            {
                low = middle + 1;
            }
            else
            {
                high = middle;
            }
        }

        return low;
    }
}
