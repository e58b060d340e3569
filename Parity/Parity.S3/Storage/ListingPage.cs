namespace Parity.S3.Storage;

/// <summary>One page of a listing: objects and common prefixes in key order, and where the next page starts.</summary>
/// <param name="LastItem">The last key or common prefix returned; the next page starts after it.</param>
internal sealed record ListingPage(
    IReadOnlyList<ObjectMetadata> Objects,
    IReadOnlyList<string> CommonPrefixes,
    bool IsTruncated,
    string? LastItem);
