using System.Text.Json;

namespace Orders;

/// <summary>
/// The answer to the first POST /orders with an <see cref="IdempotencyKey"/>, stored with the order it created and
/// sent again, byte for byte, to every repeat of that request.
/// </summary>
public sealed record StoredOrderAnswer(int StatusCode, string Location, string Body) : IResult
{
    /// <summary>Marks an answer that was stored earlier rather than produced by this request.</summary>
    public const string ReplayedHeaderName = "Idempotent-Replayed";

    public bool Replayed { get; init; }

    public static StoredOrderAnswer Accepted(Guid orderId) => new(
        StatusCodes.Status202Accepted, $"/orders/{orderId}", JsonSerializer.Serialize(new OrderAccepted(orderId), JsonSerializerOptions.Web));

    public async Task ExecuteAsync(HttpContext httpContext)
    {
        var response = httpContext.Response;
        response.StatusCode = StatusCode;
        response.Headers.Location = Location;
        if (Replayed)
        {
            response.Headers[ReplayedHeaderName] = "true";
        }
        response.ContentType = "application/json; charset=utf-8";
        await response.WriteAsync(Body, httpContext.RequestAborted);
    }
}
