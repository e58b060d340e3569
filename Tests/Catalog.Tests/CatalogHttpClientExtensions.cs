using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Catalog.Tests;

internal static class CatalogHttpClientExtensions
{
    public static async Task<long> CreateProductAsync(this HttpClient client, string name, decimal price, string description = "")
    {
        using var response = await client.PostAsJsonAsync(
            "/products", new { name, description, price }, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var created = await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);
        return created.GetProperty("productId").GetInt64();
    }

    public static Task<HttpResponseMessage> SendJsonAsync(this HttpClient client, HttpMethod method, string path, string json) =>
        client.SendAsync(
            new HttpRequestMessage(method, path) { Content = new StringContent(json, System.Text.Encoding.UTF8, "application/json") },
            TestContext.Current.CancellationToken);

    public static async Task<JsonElement> ReadProblemAsync(this HttpResponseMessage response, HttpStatusCode status)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);
        Assert.Equal((int)status, problem.GetProperty("status").GetInt32());
        return problem;
    }
}
