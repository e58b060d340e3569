using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Npgsql;

namespace Catalog.Tests;

[Collection(CatalogCollection.Name)]
public sealed class ProductsApiTests(CatalogFixture fixture)
{
    private static CancellationToken CancellationToken => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Created_product_can_be_read_back()
    {
        var client = fixture.Catalog.CreateClient();

        using var created = await client.PostAsJsonAsync(
            "/products", new { name = "Teapot", description = "Short and stout", price = 24.90m }, CancellationToken);

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var productId = (await created.Content.ReadFromJsonAsync<JsonElement>(CancellationToken)).GetProperty("productId").GetInt64();
        Assert.Equal($"/products/{productId}", created.Headers.Location?.OriginalString);
        var product = await client.GetFromJsonAsync<JsonElement>(created.Headers.Location, CancellationToken);
        Assert.Equal(productId, product.GetProperty("productId").GetInt64());
        Assert.Equal("Teapot", product.GetProperty("name").GetString());
        Assert.Equal("Short and stout", product.GetProperty("description").GetString());
        Assert.Equal(24.90m, product.GetProperty("price").GetDecimal());
        Assert.Equal(JsonValueKind.Null, product.GetProperty("imageContentType").ValueKind);
    }

    [Fact]
    public async Task Description_is_optional()
    {
        var client = fixture.Catalog.CreateClient();

        using var created = await client.SendJsonAsync(HttpMethod.Post, "/products", """{"name":"Spoon","price":1}""");

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var product = await client.GetFromJsonAsync<JsonElement>(created.Headers.Location, CancellationToken);
        Assert.Equal("", product.GetProperty("description").GetString());
    }

    [Fact]
    public async Task Products_are_listed_in_pages_in_creation_order()
    {
        var client = fixture.Catalog.CreateClient();
        var ids = new List<long>();
        for (var i = 0; i < 3; i++)
        {
            ids.Add(await client.CreateProductAsync($"Listed {i}", i));
        }

        var all = await client.GetFromJsonAsync<JsonElement[]>("/products?limit=500", CancellationToken);
        var listed = all!.Select(product => product.GetProperty("productId").GetInt64()).ToList();
        Assert.Equal(ids, listed.Where(ids.Contains));
        Assert.Equal(listed.Order(), listed);

        var offset = listed.IndexOf(ids[1]);
        var page = await client.GetFromJsonAsync<JsonElement[]>($"/products?offset={offset}&limit=1", CancellationToken);
        Assert.Equal(ids[1], Assert.Single(page!).GetProperty("productId").GetInt64());
    }

    [Theory]
    [InlineData("?offset=-1", "offset")]
    [InlineData("?limit=0", "limit")]
    [InlineData("?limit=501", "limit")]
    public async Task Invalid_paging_is_a_validation_problem(string query, string invalidField)
    {
        using var response = await fixture.Catalog.CreateClient().GetAsync($"/products{query}", CancellationToken);

        var problem = await response.ReadProblemAsync(HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty(invalidField, out _), problem.ToString());
    }

    [Fact]
    public async Task Paging_that_is_not_a_number_is_a_400_problem()
    {
        using var response = await fixture.Catalog.CreateClient().GetAsync("/products?limit=many", CancellationToken);

        await response.ReadProblemAsync(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Update_replaces_the_product()
    {
        var client = fixture.Catalog.CreateClient();
        var productId = await client.CreateProductAsync("Kettle", 30m);

        using var updated = await client.PutAsJsonAsync(
            $"/products/{productId}", new { name = "Electric kettle", description = "1.7 l", price = 45.5m }, CancellationToken);

        Assert.Equal(HttpStatusCode.OK, updated.StatusCode);
        var product = await client.GetFromJsonAsync<JsonElement>($"/products/{productId}", CancellationToken);
        Assert.Equal("Electric kettle", product.GetProperty("name").GetString());
        Assert.Equal("1.7 l", product.GetProperty("description").GetString());
        Assert.Equal(45.5m, product.GetProperty("price").GetDecimal());
    }

    [Fact]
    public async Task Deleted_product_is_gone()
    {
        var client = fixture.Catalog.CreateClient();
        var productId = await client.CreateProductAsync("Mug", 8m);

        using var deleted = await client.DeleteAsync($"/products/{productId}", CancellationToken);
        using var read = await client.GetAsync($"/products/{productId}", CancellationToken);
        using var deletedAgain = await client.DeleteAsync($"/products/{productId}", CancellationToken);

        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        await read.ReadProblemAsync(HttpStatusCode.NotFound);
        await deletedAgain.ReadProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Unknown_product_is_a_404_problem_for_every_method()
    {
        var client = fixture.Catalog.CreateClient();
        const string path = "/products/987654321";

        using var read = await client.GetAsync(path, CancellationToken);
        using var updated = await client.PutAsJsonAsync(path, new { name = "Ghost", price = 1 }, CancellationToken);
        using var deleted = await client.DeleteAsync(path, CancellationToken);

        await read.ReadProblemAsync(HttpStatusCode.NotFound);
        await updated.ReadProblemAsync(HttpStatusCode.NotFound);
        await deleted.ReadProblemAsync(HttpStatusCode.NotFound);
    }

    [Theory]
    [InlineData("""{"name":"","price":10}""", "name")]
    [InlineData("""{"name":"   ","price":10}""", "name")]
    [InlineData("""{"price":10}""", "name")]
    [InlineData("""{"name":"a\u0000b","price":10}""", "name")]
    [InlineData("""{"name":"Cup","description":"x\u0000","price":10}""", "description")]
    [InlineData("""{"name":"Cup"}""", "price")]
    [InlineData("""{"name":"Cup","price":-0.01}""", "price")]
    [InlineData("""{"name":"Cup","price":1.005}""", "price")]
    [InlineData("""{"name":"Cup","price":10000000000}""", "price")]
    [InlineData("""{"name":"Cup","price":1e20}""", "price")]
    public async Task Invalid_product_is_a_validation_problem_on_create_and_update(string body, string invalidField)
    {
        var client = fixture.Catalog.CreateClient();
        var productId = await client.CreateProductAsync("Valid", 1m);

        using var created = await client.SendJsonAsync(HttpMethod.Post, "/products", body);
        using var updated = await client.SendJsonAsync(HttpMethod.Put, $"/products/{productId}", body);

        foreach (var response in new[] { created, updated })
        {
            var problem = await response.ReadProblemAsync(HttpStatusCode.BadRequest);
            Assert.True(problem.GetProperty("errors").TryGetProperty(invalidField, out _), problem.ToString());
        }
    }

    [Fact]
    public async Task Longest_allowed_name_and_description_are_accepted_and_one_more_character_is_not()
    {
        var client = fixture.Catalog.CreateClient();

        using var atLimit = await client.PostAsJsonAsync(
            "/products", new { name = new string('n', 200), description = new string('d', 4000), price = 9_999_999_999.99m }, CancellationToken);
        using var nameOver = await client.PostAsJsonAsync("/products", new { name = new string('n', 201), price = 1 }, CancellationToken);
        using var descriptionOver = await client.PostAsJsonAsync(
            "/products", new { name = "n", description = new string('d', 4001), price = 1 }, CancellationToken);

        Assert.Equal(HttpStatusCode.Created, atLimit.StatusCode);
        await nameOver.ReadProblemAsync(HttpStatusCode.BadRequest);
        await descriptionOver.ReadProblemAsync(HttpStatusCode.BadRequest);
    }

    // Development throws BadHttpRequestException for unreadable bodies, Production answers a bare 400:
    // both must come out as problem details.
    [Theory]
    [InlineData("Development", """{"name":"Cup","price":""")]
    [InlineData("Production", """{"name":"Cup","price":""")]
    [InlineData("Development", """{"name":"Cup","price":"12"}""")]
    [InlineData("Production", """{"name":"Cup","price":"lots"}""")]
    [InlineData("Development", """{"name":42,"price":12}""")]
    [InlineData("Development", """{"name":"Cup","price":1e30}""")]
    [InlineData("Development", "null")]
    [InlineData("Development", "")]
    public async Task Unreadable_body_is_a_400_problem(string environment, string body)
    {
        using var catalog = fixture.Catalog.WithWebHostBuilder(host => host.UseEnvironment(environment));

        using var response = await catalog.CreateClient().SendJsonAsync(HttpMethod.Post, "/products", body);

        await response.ReadProblemAsync(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task The_migration_can_run_again_and_keeps_the_data()
    {
        var client = fixture.Catalog.CreateClient();
        var productId = await client.CreateProductAsync("Survivor", 3m);

        await using (var database = NpgsqlDataSource.Create(fixture.DatabaseConnectionString))
        {
            await CatalogSchema.ApplyAsync(database, CancellationToken);
        }

        using var read = await client.GetAsync($"/products/{productId}", CancellationToken);
        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
    }
}
