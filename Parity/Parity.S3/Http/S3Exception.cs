namespace Parity.S3.Http;

/// <summary>A request S3 would refuse: carries the error code, HTTP status and message of the S3 error document.</summary>
internal sealed class S3Exception(string code, int statusCode, string message) : Exception(message)
{
    public string Code { get; } = code;

    public int StatusCode { get; } = statusCode;

    /// <summary>Extra elements of the error document. Single-line values only: the MinIO .NET SDK fails on an error document with a line break.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Details { get; init; } = [];
}
