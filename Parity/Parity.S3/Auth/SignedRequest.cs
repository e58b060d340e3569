namespace Parity.S3.Auth;

/// <summary>
/// A request whose SigV4 signature checked out. The body is not yet verified: its hash, chunk signatures and
/// checksums are checked as it is read, with what is kept here.
/// </summary>
internal sealed record SignedRequest(
    string AmzDate,
    string Scope,
    byte[] SigningKey,
    string Signature,
    string PayloadHash,
    bool IsPresigned);
