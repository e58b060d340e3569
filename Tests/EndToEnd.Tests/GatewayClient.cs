using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace EndToEnd.Tests;

/// <summary>An HttpClient for the gateway, signed in the way a user of the store signs in: POST /api/token.</summary>
internal static class GatewayClient
{
    public static async Task<HttpClient> SignInAsync(HttpClient gateway, CancellationToken cancellationToken, string user = "test")
    {
        using var response = await gateway.PostAsJsonAsync("/api/token", new { user }, cancellationToken);
        response.EnsureSuccessStatusCode();
        var token = (await response.Content.ReadFromJsonAsync<JsonElement>(cancellationToken)).GetProperty("access_token").GetString();
        gateway.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return gateway;
    }
}
