using System.Text.Json;

namespace Gateway;

/// <summary>
/// The orders service over HTTP (<c>http://orders</c>), behind its own circuit breaker
/// (<see cref="OrdersClientResilience"/>): while orders keeps failing, calls fail at once without reaching it.
/// </summary>
public sealed class OrdersClient(HttpClient http)
{
    /// <returns>The customer's orders, a JSON array as the service describes them.</returns>
    public async Task<JsonElement> ListForCustomerAsync(long customerId, CancellationToken cancellationToken)
    {
        using var response = await http.GetAsync($"/orders?customerId={customerId}", cancellationToken);
        response.EnsureSuccessStatusCode();
        var orders = await response.Content.ReadFromJsonAsync<JsonElement>(cancellationToken);
        return orders.ValueKind == JsonValueKind.Array
            ? orders
            : throw new JsonException($"Orders answered a JSON {orders.ValueKind} where a list of orders belongs.");
    }
}
