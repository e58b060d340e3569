namespace Notifications;

public static class OrderStreamEndpoints
{
    public const string WebSocketPrefix = "/ws";
    public const string ServerSentEventsPrefix = "/sse";

    /// <summary>How often an idle stream sends something (a comment, a ping), so proxies do not close it.</summary>
    public static readonly TimeSpan KeepAliveInterval = TimeSpan.FromSeconds(15);

    public static bool IsStreamPath(PathString path) =>
        path.StartsWithSegments(WebSocketPrefix) || path.StartsWithSegments(ServerSentEventsPrefix);

    public static IEndpointRouteBuilder MapOrderStreams(this IEndpointRouteBuilder endpoints, bool requireAuthentication)
    {
        var streams = endpoints.MapGroup("");
        if (requireAuthentication)
        {
            streams.RequireAuthorization();
        }
        // Map, not MapGet: a WebSocket over HTTP/2 arrives as CONNECT.
        streams.Map($"{WebSocketPrefix}/orders/{{orderId:guid}}", OrderStateWebSocket.StreamAsync);
        streams.MapGet($"{ServerSentEventsPrefix}/orders/{{orderId:guid}}", OrderStateServerSentEvents.StreamAsync);
        return endpoints;
    }
}
