using Parity.S3.Storage;

namespace Parity.S3.Tests.Unit;

/// <summary>Listing semantics over a sorted key set, independent of any client's paging.</summary>
public sealed class ObjectListingTests
{
    private static readonly string[] Keys = ["a/", "a/b", "a/c/d", "a/c/e", "b", "c/x"];

    [Fact]
    public void Rolls_keys_up_to_common_prefixes_and_counts_each_prefix_once()
    {
        var page = List(prefix: "", delimiter: "/", after: null, maxKeys: 1000);

        Assert.Equal(["a/", "c/"], page.CommonPrefixes);
        Assert.Equal(["b"], page.Objects.Select(o => o.Key));
        Assert.False(page.IsTruncated);
    }

    [Fact]
    public void Resuming_after_a_common_prefix_skips_every_key_under_it_but_not_a_key_equal_to_it()
    {
        var first = List(prefix: "", delimiter: "/", after: null, maxKeys: 1);
        Assert.Equal(["a/"], first.CommonPrefixes);
        Assert.True(first.IsTruncated);

        var second = List(prefix: "", delimiter: "/", after: first.LastItem, maxKeys: 1);
        Assert.Equal(["b"], second.Objects.Select(o => o.Key));

        var underA = List(prefix: "a/", delimiter: "/", after: "a/", maxKeys: 10);
        Assert.Equal(["a/b"], underA.Objects.Select(o => o.Key));
        Assert.Equal(["a/c/"], underA.CommonPrefixes);
    }

    [Fact]
    public void Orders_keys_by_their_utf8_bytes_as_s3_does()
    {
        // U+1F600 (4 UTF-8 bytes, F0...) sorts after U+FF5E (EF BD 9E), though its UTF-16 surrogate sorts before it.
        string[] keys = ["\U0001F600", "\uFF5E", "z"];

        Assert.Equal(["z", "\uFF5E", "\U0001F600"], keys.Order(KeyComparer.Instance));
    }

    private static ListingPage List(string prefix, string? delimiter, string? after, int maxKeys)
    {
        var values = Keys.Select(key => new ObjectMetadata
        {
            Key = key,
            Size = 0,
            ETag = "",
            LastModified = DateTimeOffset.UnixEpoch,
            Attributes = new ObjectAttributes("binary/octet-stream", new Dictionary<string, string>(), new Dictionary<string, string>()),
            DataFile = key,
        }).ToList();
        return ObjectListing.Page(Keys, values, prefix, delimiter, after, maxKeys);
    }
}
