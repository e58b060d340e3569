using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

/// <summary>A store client: places an order through the gateway and waits on the notifications stream until the saga settles it.</summary>
internal sealed class OrderClient(HttpClient http)
{
    public static async Task<OrderClient> SignInAsync(Uri gateway)
    {
        var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = int.MaxValue }) { BaseAddress = gateway, Timeout = TimeSpan.FromSeconds(60) };
        using var issued = await http.PostAsJsonAsync("/api/token", new { user = "bench" });
        issued.EnsureSuccessStatusCode();
        var token = (await issued.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("access_token").GetString();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return new OrderClient(http);
    }

    public async Task<long> CreateCustomerAsync(string name)
    {
        using var created = await http.PostAsJsonAsync("/api/customers", new { name, creditLimit = 1_000_000_000m });
        created.EnsureSuccessStatusCode();
        return (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("customerId").GetInt64();
    }

    /// <returns>The final state the stream announced.</returns>
    public async Task<string> PlaceAndAwaitAsync(long customerId, CancellationToken cancellationToken)
    {
        using var placed = await http.PostAsJsonAsync("/api/orders", new { customerId, orderTotal = 1m }, cancellationToken);
        placed.EnsureSuccessStatusCode();
        var orderId = (await placed.Content.ReadFromJsonAsync<JsonElement>(cancellationToken)).GetProperty("orderId").GetGuid();

        // The stream sends the stored state first, so an order settled before the stream opened is not missed.
        using var stream = await http.GetAsync($"/sse/orders/{orderId}", HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        stream.EnsureSuccessStatusCode();
        using var reader = new StreamReader(await stream.Content.ReadAsStreamAsync(cancellationToken));
        while (await reader.ReadLineAsync(cancellationToken) is { } line)
        {
            if (line.StartsWith("data: ", StringComparison.Ordinal)
                && JsonDocument.Parse(line["data: ".Length..]).RootElement.GetProperty("state").GetString() is { } state and not "PENDING")
            {
                return state;
            }
        }
        throw new IOException($"The stream of order {orderId} ended before the order was settled.");
    }
}
