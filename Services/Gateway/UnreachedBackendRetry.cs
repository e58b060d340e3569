using Microsoft.AspNetCore.Http.Features;
using Yarp.ReverseProxy.Forwarder;
using Yarp.ReverseProxy.Model;

namespace Gateway;

/// <summary>
/// Retries, in YARP's proxy pipeline, a request that never reached a backend: the connection could not be opened
/// (<see cref="HttpRequestError.ConnectionError"/>), so the backend saw nothing and any method is safe to send again.
/// A request without a body and with a safe method (GET, HEAD, OPTIONS) is also retried when the backend failed before
/// its response headers. Nothing is retried once a response has begun. Each retry goes to a destination that has not
/// failed this request when the cluster has one (in the cluster a Service may also route the retry to another pod),
/// after a short, growing delay.
/// </summary>
public static class UnreachedBackendRetry
{
    public const int MaxRetries = 3;

    private static readonly TimeSpan FirstDelay = TimeSpan.FromMilliseconds(100);

    /// <summary>Place before load balancing, so each attempt picks its destination again.</summary>
    public static IReverseProxyApplicationBuilder UseUnreachedBackendRetry(this IReverseProxyApplicationBuilder proxy)
    {
        proxy.Use(async (context, next) =>
        {
            var feature = context.GetReverseProxyFeature();
            var candidates = feature.AvailableDestinations;
            // Allocated on the first failure only: almost every request succeeds at once.
            HashSet<DestinationState>? failed = null;
            for (var retry = 0; ; retry++)
            {
                await next(context);
                if (retry == MaxRetries || !CanRetry(context) || context.RequestAborted.IsCancellationRequested)
                {
                    return;
                }

                failed ??= [];
                if (feature.ProxiedDestination is { } destination)
                {
                    failed.Add(destination);
                }
                var untried = candidates.Where(candidate => !failed.Contains(candidate)).ToList();
                feature.AvailableDestinations = untried.Count > 0 ? untried : candidates;
                // The failed attempt left a 502 and its error behind; the next attempt starts from a clean response.
                context.Features.Set<IForwarderErrorFeature>(null);
                context.Response.Clear();
                await Task.Delay(FirstDelay * Math.Pow(3, retry), context.RequestAborted);
            }
        });
        return proxy;
    }

    private static bool CanRetry(HttpContext context)
    {
        if (context.Response.HasStarted || context.GetForwarderErrorFeature() is not { Error: ForwarderError.Request } error)
        {
            return false;
        }
        if (error.Exception is HttpRequestException { HttpRequestError: HttpRequestError.ConnectionError })
        {
            return true;
        }
        var request = context.Request;
        return (HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method) || HttpMethods.IsOptions(request.Method))
            && context.Features.Get<IHttpRequestBodyDetectionFeature>() is { CanHaveBody: false };
    }
}
