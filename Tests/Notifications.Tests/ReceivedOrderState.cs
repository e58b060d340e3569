using System.Text.Json;

namespace Notifications.Tests;

/// <summary>A streamed state as a client reads it; every field of the wire format is required.</summary>
public sealed record ReceivedOrderState(Guid OrderId, string State, string? RejectionReason, DateTimeOffset OccurredAt)
{
    public static ReceivedOrderState Parse(string json)
    {
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        Assert.Equal(["orderId", "state", "rejectionReason", "occurredAt"], root.EnumerateObject().Select(property => property.Name));
        return new ReceivedOrderState(
            root.GetProperty("orderId").GetGuid(),
            root.GetProperty("state").GetString()!,
            root.GetProperty("rejectionReason").GetString(),
            root.GetProperty("occurredAt").GetDateTimeOffset());
    }
}
