using Microsoft.AspNetCore.Http.Features;

namespace Notifications;

/// <summary><c>GET /sse/orders/{orderId}</c>: the order's states as server-sent events, until the client or the server leaves.</summary>
public static class OrderStateServerSentEvents
{
    public const string EventName = "order-state";

    public static async Task StreamAsync(HttpContext context, Guid orderId, OrderStateFeed feed, IHostApplicationLifetime lifetime)
    {
        await using var subscription = await feed.SubscribeAsync(orderId);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, lifetime.ApplicationStopping);
        var response = context.Response;
        response.ContentType = "text/event-stream";
        response.Headers.CacheControl = "no-cache";
        response.Headers["X-Accel-Buffering"] = "no";
        context.Features.GetRequiredFeature<IHttpResponseBodyFeature>().DisableBuffering();
        try
        {
            // Headers out now, not with the first event: the client knows at once that the stream is open.
            await response.StartAsync(stop.Token);
            await response.Body.FlushAsync(stop.Token);
            var next = subscription.ReadAsync(stop.Token);
            while (true)
            {
                string text;
                try
                {
                    var notification = await next.WaitAsync(OrderStreamEndpoints.KeepAliveInterval, stop.Token);
                    text = ServerSentEventFormatter.Event(EventName, notification.ToJson());
                    next = subscription.ReadAsync(stop.Token);
                }
                catch (TimeoutException)
                {
                    text = ServerSentEventFormatter.KeepAlive;
                }
                await response.WriteAsync(text, stop.Token);
                await response.Body.FlushAsync(stop.Token);
            }
        }
        catch (Exception e) when (e is OperationCanceledException or IOException && stop.IsCancellationRequested)
        {
            // The client left, or the server is stopping: returning ends the response cleanly.
        }
    }
}
