using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace Catalog.Tests;

[Collection(CatalogCollection.Name)]
public sealed class ProductCacheTests(CatalogFixture fixture)
{
    private static CancellationToken CancellationToken => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_read_is_cached_and_an_update_invalidates_it()
    {
        var client = fixture.Catalog.CreateClient();
        var productId = await client.CreateProductAsync("Lamp", 40m);

        var first = await ReadAsync(client, productId);
        var second = await ReadAsync(client, productId);
        using var updated = await client.PutAsJsonAsync(
            $"/products/{productId}", new { name = "Desk lamp", price = 42m }, CancellationToken);
        var afterUpdate = await ReadAsync(client, productId);
        var afterThat = await ReadAsync(client, productId);

        Assert.Equal(("miss", "Lamp"), (first.Cache, first.Product.GetProperty("name").GetString()));
        Assert.Equal(("hit", "Lamp"), (second.Cache, second.Product.GetProperty("name").GetString()));
        Assert.Equal(HttpStatusCode.OK, updated.StatusCode);
        Assert.Equal(("miss", "Desk lamp"), (afterUpdate.Cache, afterUpdate.Product.GetProperty("name").GetString()));
        Assert.Equal(42m, afterUpdate.Product.GetProperty("price").GetDecimal());
        Assert.Equal(("hit", "Desk lamp"), (afterThat.Cache, afterThat.Product.GetProperty("name").GetString()));
    }

    [Fact]
    public async Task Storing_an_image_invalidates_the_cached_product()
    {
        var client = fixture.Catalog.CreateClient();
        var productId = await client.CreateProductAsync("Vase", 19m);
        await ReadAsync(client, productId);
        Assert.Equal("hit", (await ReadAsync(client, productId)).Cache);
        var image = new ByteArrayContent([0x47, 0x49, 0x46]);
        image.Headers.ContentType = new MediaTypeHeaderValue("image/gif");

        using var stored = await client.PutAsync($"/products/{productId}/image", image, CancellationToken);
        var afterImage = await ReadAsync(client, productId);

        Assert.Equal(HttpStatusCode.NoContent, stored.StatusCode);
        Assert.Equal("miss", afterImage.Cache);
        Assert.Equal("image/gif", afterImage.Product.GetProperty("imageContentType").GetString());
    }

    [Fact]
    public async Task A_deleted_product_is_not_served_from_the_cache()
    {
        var client = fixture.Catalog.CreateClient();
        var productId = await client.CreateProductAsync("Rug", 120m);
        await ReadAsync(client, productId);
        Assert.Equal("hit", (await ReadAsync(client, productId)).Cache);

        using var deleted = await client.DeleteAsync($"/products/{productId}", CancellationToken);
        using var read = await client.GetAsync($"/products/{productId}", CancellationToken);

        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, read.StatusCode);
        Assert.Equal("miss", Assert.Single(read.Headers.GetValues("X-Cache")));
    }

    private static async Task<(string Cache, JsonElement Product)> ReadAsync(HttpClient client, long productId)
    {
        using var response = await client.GetAsync($"/products/{productId}", CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var product = await response.Content.ReadFromJsonAsync<JsonElement>(CancellationToken);
        return (Assert.Single(response.Headers.GetValues("X-Cache")), product);
    }
}
