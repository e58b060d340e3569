using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace Catalog;

/// <summary>A product's image, stored in MinIO: PUT takes the raw bytes with an image/* Content-Type, GET streams them back.</summary>
public static class ProductImageEndpoints
{
    public static IEndpointRouteBuilder MapProductImageEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPut("/products/{id:long}/image", StoreAsync);
        endpoints.MapGet("/products/{id:long}/image", ReadAsync);
        return endpoints;
    }

    private static async Task<Results<NoContent, ValidationProblem, ProblemHttpResult>> StoreAsync(
        long id, HttpRequest request, IProductStore store, IProductImageStore images, ProductCache cache,
        IOptions<CatalogOptions> options, CancellationToken cancellationToken)
    {
        if (!MediaTypeHeaderValue.TryParse(request.ContentType, out var mediaType)
            || !mediaType.MediaType.StartsWith("image/", StringComparison.OrdinalIgnoreCase))
        {
            return TypedResults.Problem(
                statusCode: StatusCodes.Status415UnsupportedMediaType,
                title: "Not an image",
                detail: "Send the image's bytes as the body, with its image/* Content-Type.");
        }

        var limit = options.Value.MaxImageBytes;
        if (request.ContentLength > limit)
        {
            return TooLarge(limit);
        }

        if (await store.FindAsync(id, cancellationToken) is null)
        {
            return ProductEndpoints.NotFound(id);
        }

        await using var image = await ReadAtMostAsync(request, limit, cancellationToken);
        if (image is null)
        {
            return TooLarge(limit);
        }

        if (image.Length == 0)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["image"] = ["The image is empty."] });
        }

        var contentType = mediaType.ToString();
        await images.StoreAsync(id, image, image.Length, contentType, cancellationToken);
        // The object is stored before the row points at it, so a product never claims an image it lacks.
        if (!await store.SetImageContentTypeAsync(id, contentType, cancellationToken))
        {
            await images.DeleteAsync(id, cancellationToken);
            return ProductEndpoints.NotFound(id);
        }

        await cache.InvalidateAsync(id);
        return TypedResults.NoContent();
    }

    private static async Task<Results<EmptyHttpResult, ProblemHttpResult>> ReadAsync(
        long id, CachedProductReader reader, IProductImageStore images, HttpResponse response, CancellationToken cancellationToken)
    {
        var read = await reader.ReadAsync(id, cancellationToken);
        if (read.Product?.ImageContentType is not { } contentType)
        {
            return NoImage(id);
        }

        response.ContentType = contentType;
        // The stored type is whatever the uploader claimed; browsers must not guess another from the bytes.
        response.Headers.XContentTypeOptions = "nosniff";
        return await images.CopyToAsync(id, response.Body, cancellationToken) ? TypedResults.Empty : NoImage(id);
    }

    /// <returns>The body, or null when it is longer than <paramref name="limit"/>.</returns>
    private static async Task<MemoryStream?> ReadAtMostAsync(HttpRequest request, long limit, CancellationToken cancellationToken)
    {
        var image = new MemoryStream();
        var buffer = new byte[81920];
        int read;
        while ((read = await request.Body.ReadAsync(buffer, cancellationToken)) > 0)
        {
            if (image.Length + read > limit)
            {
                await image.DisposeAsync();
                return null;
            }

            image.Write(buffer, 0, read);
        }

        image.Position = 0;
        return image;
    }

    private static ProblemHttpResult TooLarge(long limit) => TypedResults.Problem(
        statusCode: StatusCodes.Status413PayloadTooLarge,
        title: "Image too large",
        detail: $"An image may be at most {limit} bytes.");

    private static ProblemHttpResult NoImage(long id) => TypedResults.Problem(
        statusCode: StatusCodes.Status404NotFound,
        title: "Image not found",
        detail: $"Product {id} has no image.");
}
