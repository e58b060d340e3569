using System.Text.Json;

namespace Gateway;

/// <summary>A customer with their orders, each as its own service describes it.</summary>
public sealed record OrderHistory(JsonElement Customer, JsonElement Orders);
