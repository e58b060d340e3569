using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace Catalog.Tests;

[Collection(CatalogCollection.Name)]
public sealed class ProductImageTests(CatalogFixture fixture)
{
    private static CancellationToken CancellationToken => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Stored_image_comes_back_with_the_same_bytes_and_content_type()
    {
        var client = fixture.Catalog.CreateClient();
        var productId = await client.CreateProductAsync("Framed print", 80m);
        var image = RandomBytes(300_000);

        using var stored = await client.PutAsync($"/products/{productId}/image", ImageContent(image, "image/png"), CancellationToken);
        using var read = await client.GetAsync($"/products/{productId}/image", CancellationToken);

        Assert.Equal(HttpStatusCode.NoContent, stored.StatusCode);
        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        Assert.Equal("image/png", read.Content.Headers.ContentType?.ToString());
        Assert.Equal(image, await read.Content.ReadAsByteArrayAsync(CancellationToken));
        var product = await client.GetFromJsonAsync<JsonElement>($"/products/{productId}", CancellationToken);
        Assert.Equal("image/png", product.GetProperty("imageContentType").GetString());
    }

    [Fact]
    public async Task A_new_image_replaces_the_old_one()
    {
        var client = fixture.Catalog.CreateClient();
        var productId = await client.CreateProductAsync("Poster", 12m);
        var replacement = RandomBytes(1_000);

        using var first = await client.PutAsync($"/products/{productId}/image", ImageContent(RandomBytes(2_000), "image/png"), CancellationToken);
        using var second = await client.PutAsync($"/products/{productId}/image", ImageContent(replacement, "image/jpeg"), CancellationToken);
        using var read = await client.GetAsync($"/products/{productId}/image", CancellationToken);

        Assert.Equal("image/jpeg", read.Content.Headers.ContentType?.ToString());
        Assert.Equal(replacement, await read.Content.ReadAsByteArrayAsync(CancellationToken));
    }

    [Fact]
    public async Task Product_without_an_image_and_unknown_product_are_404_problems()
    {
        var client = fixture.Catalog.CreateClient();
        var productId = await client.CreateProductAsync("Plain", 1m);

        using var noImage = await client.GetAsync($"/products/{productId}/image", CancellationToken);
        using var unknownRead = await client.GetAsync("/products/987654321/image", CancellationToken);
        using var unknownStore = await client.PutAsync("/products/987654321/image", ImageContent([1, 2, 3], "image/png"), CancellationToken);

        await noImage.ReadProblemAsync(HttpStatusCode.NotFound);
        await unknownRead.ReadProblemAsync(HttpStatusCode.NotFound);
        await unknownStore.ReadProblemAsync(HttpStatusCode.NotFound);
    }

    [Theory]
    [InlineData("text/plain")]
    [InlineData("application/octet-stream")]
    [InlineData(null)]
    public async Task A_body_that_is_not_an_image_is_a_415_problem(string? contentType)
    {
        var client = fixture.Catalog.CreateClient();
        var productId = await client.CreateProductAsync("Canvas", 5m);
        var content = new ByteArrayContent([1, 2, 3]);
        content.Headers.ContentType = contentType is null ? null : MediaTypeHeaderValue.Parse(contentType);

        using var response = await client.PutAsync($"/products/{productId}/image", content, CancellationToken);

        await response.ReadProblemAsync(HttpStatusCode.UnsupportedMediaType);
    }

    [Fact]
    public async Task An_empty_image_is_a_validation_problem()
    {
        var client = fixture.Catalog.CreateClient();
        var productId = await client.CreateProductAsync("Blank", 5m);

        using var response = await client.PutAsync($"/products/{productId}/image", ImageContent([], "image/png"), CancellationToken);

        await response.ReadProblemAsync(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task An_image_over_the_limit_is_a_413_problem_whether_or_not_its_length_is_announced()
    {
        using var catalog = fixture.Catalog.WithWebHostBuilder(host => host.UseSetting("Catalog:MaxImageBytes", "1024"));
        var client = catalog.CreateClient();
        var productId = await client.CreateProductAsync("Mural", 500m);

        using var atLimit = await client.PutAsync($"/products/{productId}/image", ImageContent(RandomBytes(1024), "image/png"), CancellationToken);
        using var announced = await client.PutAsync($"/products/{productId}/image", ImageContent(RandomBytes(1025), "image/png"), CancellationToken);
        using var streamed = await client.PutAsync($"/products/{productId}/image", UnannouncedLength(RandomBytes(1025), "image/png"), CancellationToken);

        Assert.Equal(HttpStatusCode.NoContent, atLimit.StatusCode);
        await announced.ReadProblemAsync(HttpStatusCode.RequestEntityTooLarge);
        await streamed.ReadProblemAsync(HttpStatusCode.RequestEntityTooLarge);
    }

    [Fact]
    public async Task The_default_limit_is_five_mebibytes()
    {
        var client = fixture.Catalog.CreateClient();
        var productId = await client.CreateProductAsync("Billboard", 900m);

        using var response = await client.PutAsync(
            $"/products/{productId}/image", ImageContent(new byte[(5 * 1024 * 1024) + 1], "image/png"), CancellationToken);

        await response.ReadProblemAsync(HttpStatusCode.RequestEntityTooLarge);
    }

    [Fact]
    public async Task Deleting_the_product_deletes_its_image()
    {
        var client = fixture.Catalog.CreateClient();
        var productId = await client.CreateProductAsync("Sold out", 1m);
        using var stored = await client.PutAsync($"/products/{productId}/image", ImageContent([1, 2, 3], "image/gif"), CancellationToken);

        using var deleted = await client.DeleteAsync($"/products/{productId}", CancellationToken);
        using var read = await client.GetAsync($"/products/{productId}/image", CancellationToken);

        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        await read.ReadProblemAsync(HttpStatusCode.NotFound);
    }

    private static byte[] RandomBytes(int length)
    {
        var bytes = new byte[length];
        Random.Shared.NextBytes(bytes);
        return bytes;
    }

    private static ByteArrayContent ImageContent(byte[] image, string contentType)
    {
        var content = new ByteArrayContent(image);
        content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        return content;
    }

    /// <summary>A body sent without Content-Length, so only reading it can tell its size.</summary>
    private static StreamContent UnannouncedLength(byte[] image, string contentType)
    {
        var content = new StreamContent(new UnseekableStream(image));
        content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        return content;
    }
}
