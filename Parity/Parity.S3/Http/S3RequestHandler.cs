using Parity.S3.Auth;
using Parity.S3.Operations;
using Parity.S3.Payload;
using Parity.S3.Xml;

namespace Parity.S3.Http;

/// <summary>
/// Every S3 request: authenticate, route, and turn refusals into S3's XML error documents. Bad input never becomes
/// a 500: anything a client can get wrong is an <see cref="S3Exception"/> with the status S3 gives it.
/// </summary>
internal sealed class S3RequestHandler(SigV4Verifier verifier, S3RequestRouter router, ILogger<S3RequestHandler> logger)
{
    public async Task HandleAsync(HttpContext context)
    {
        var requestId = Guid.NewGuid().ToString("N")[..16].ToUpperInvariant();
        context.Response.Headers["x-amz-request-id"] = requestId;
        S3Request? request = null;
        try
        {
            request = S3Request.From(context);
            var signed = verifier.Verify(request);
            logger.LogDebug("{Method} {Path}{Query} x-amz-content-sha256={PayloadHash} x-amz-trailer={Trailer}",
                request.Method, request.Path, context.Request.QueryString, signed.PayloadHash, request.Header("x-amz-trailer"));
            var payload = RequestPayload.Open(request, context.Request.Body, signed);
            await router.RouteAsync(new S3Call(context, request, signed, payload));
        }
        catch (S3Exception error) when (!context.Response.HasStarted)
        {
            await WriteErrorAsync(context, request, error, requestId);
        }
        catch (BadHttpRequestException error) when (!context.Response.HasStarted)
        {
            await WriteErrorAsync(context, request, S3Errors.IncompleteBody(error.Message), requestId);
        }
        catch (Exception) when (context.RequestAborted.IsCancellationRequested)
        {
            // The client went away; whatever it was sending was not committed.
        }
        catch (Exception exception) when (!context.Response.HasStarted)
        {
            logger.LogError(exception, "{Method} {Path} failed", context.Request.Method, context.Request.Path);
            await WriteErrorAsync(context, request,
                new S3Exception("InternalError", StatusCodes.Status500InternalServerError, "We encountered an internal error. Please try again."),
                requestId);
        }
    }

    private static Task WriteErrorAsync(HttpContext context, S3Request? request, S3Exception error, string requestId)
    {
        context.Response.Clear();
        context.Response.Headers["x-amz-request-id"] = requestId;
        var document = S3Xml.Element("Error",
            S3Xml.Element("Code", error.Code),
            S3Xml.Element("Message", error.Message),
            error.Code == "NoSuchKey" ? S3Xml.Element("Key", request?.Key) : null,
            error.Code == "NoSuchBucket" ? S3Xml.Element("BucketName", request?.Bucket) : null,
            error.Details.Select(detail => S3Xml.Element(detail.Key, detail.Value)),
            S3Xml.Element("Resource", request?.Path ?? context.Request.Path.Value),
            S3Xml.Element("RequestId", requestId));
        // S3's error documents carry no namespace, unlike its results.
        foreach (var element in document.DescendantsAndSelf())
        {
            element.Name = element.Name.LocalName;
        }

        return S3Xml.WriteAsync(context.Response, document, error.StatusCode);
    }
}
