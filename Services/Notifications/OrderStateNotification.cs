using System.Text.Json;
using Store.Messaging.Contracts;

namespace Notifications;

/// <summary>What a client streaming an order receives: the state the order entered, as JSON.</summary>
public sealed record OrderStateNotification(Guid OrderId, string State, string? RejectionReason, DateTimeOffset OccurredAt)
{
    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web);

    // The customer id stays out: a stream of an order says nothing about who placed it.
    public static OrderStateNotification From(OrderStateChanged change) =>
        new(change.OrderId, change.State, change.RejectionReason, change.OccurredAt);

    public static OrderStateNotification FromJson(string json) =>
        JsonSerializer.Deserialize<OrderStateNotification>(json, JsonOptions)
        ?? throw new JsonException("An order state notification cannot be null.");

    public string ToJson() => JsonSerializer.Serialize(this, JsonOptions);
}
