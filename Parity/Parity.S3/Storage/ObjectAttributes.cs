namespace Parity.S3.Storage;

/// <summary>What a client sets on an object besides its bytes: content type, user metadata and standard headers.</summary>
/// <param name="UserMetadata">x-amz-meta-* values, keyed by the lower-case name without the prefix.</param>
/// <param name="StoredHeaders">Cache-Control, Content-Disposition, Content-Encoding, Content-Language and Expires, as sent.</param>
internal sealed record ObjectAttributes(
    string ContentType,
    IReadOnlyDictionary<string, string> UserMetadata,
    IReadOnlyDictionary<string, string> StoredHeaders);
