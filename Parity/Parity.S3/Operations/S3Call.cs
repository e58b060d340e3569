using Parity.S3.Auth;
using Parity.S3.Http;
using Parity.S3.Payload;

namespace Parity.S3.Operations;

/// <summary>One authenticated request on its way to an operation.</summary>
internal sealed record S3Call(HttpContext Context, S3Request Request, SignedRequest Signed, RequestPayload Payload)
{
    public HttpResponse Response => Context.Response;

    public CancellationToken Aborted => Context.RequestAborted;
}
