using System.Net;
using System.Text.Json;

namespace Gateway;

/// <summary>The customers service over HTTP (<c>http://customers</c>, resolved by service discovery).</summary>
public sealed class CustomersClient(HttpClient http)
{
    /// <returns>The customer as the service describes it, or null when it has none with this id.</returns>
    public async Task<JsonElement?> FindAsync(long customerId, CancellationToken cancellationToken)
    {
        using var response = await http.GetAsync($"/customers/{customerId}", cancellationToken);
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }

        response.EnsureSuccessStatusCode();
        return await response.Content.ReadFromJsonAsync<JsonElement>(cancellationToken);
    }
}
