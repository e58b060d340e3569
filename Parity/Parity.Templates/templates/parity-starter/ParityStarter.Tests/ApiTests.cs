using System.Net;
using System.Net.Http.Json;
using Parity.Hosting;
using Parity.Testing;

namespace ParityStarter.Tests;

/// <summary>The whole topology of the AppHost (PostgreSQL, the migration, the API), started inside the test.</summary>
public sealed class ApiTests
{
    [Fact]
    public async Task AnItemPostedToTheApiIsStoredInPostgres()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var builder = await DistributedApplicationTestingBuilder.CreateAsync<Projects.ParityStarter_AppHost>(cancellationToken);
        await using var app = await builder.BuildAsync(cancellationToken);
        await app.StartAsync(cancellationToken);
        await app.ResourceNotifications.WaitForResourceHealthyAsync("api", cancellationToken);
        using var api = app.CreateHttpClient("api");

        using var created = await api.PostAsJsonAsync("/items", new { name = "Tea" }, cancellationToken);
        using var invalid = await api.PostAsJsonAsync("/items", new { name = "" }, cancellationToken);
        var items = await api.GetFromJsonAsync<List<Item>>("/items", cancellationToken);

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        Assert.Contains(items!, item => item.Name == "Tea");
    }

    private sealed record Item(long Id, string Name);
}
