using Microsoft.AspNetCore.Http.HttpResults;
using Minio.Exceptions;

namespace Catalog;

/// <summary>Products CRUD under /products.</summary>
public static class ProductEndpoints
{
    /// <summary>Tells whether a product read was answered by the cache: <c>hit</c> or <c>miss</c>.</summary>
    public const string CacheHeader = "X-Cache";

    public const int DefaultPageSize = 50;
    public const int MaxPageSize = 500;

    public static IEndpointRouteBuilder MapProductEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost("/products", CreateAsync);
        endpoints.MapGet("/products", ListAsync);
        endpoints.MapGet("/products/{id:long}", ReadAsync);
        endpoints.MapPut("/products/{id:long}", UpdateAsync);
        endpoints.MapDelete("/products/{id:long}", DeleteAsync);
        return endpoints;
    }

    public static ProblemHttpResult NotFound(long id) => TypedResults.Problem(
        statusCode: StatusCodes.Status404NotFound,
        title: "Product not found",
        detail: $"No product has id {id}.");

    private static async Task<Results<Created<ProductCreated>, ValidationProblem>> CreateAsync(
        ProductRequest request, IProductStore store, CancellationToken cancellationToken)
    {
        var errors = request.Validate();
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var product = await store.AddAsync(request, cancellationToken);
        return TypedResults.Created($"/products/{product.ProductId}", new ProductCreated(product.ProductId));
    }

    private static async Task<Results<Ok<IReadOnlyList<Product>>, ValidationProblem>> ListAsync(
        IProductStore store, CancellationToken cancellationToken, int offset = 0, int limit = DefaultPageSize)
    {
        var errors = new Dictionary<string, string[]>();
        if (offset < 0)
        {
            errors["offset"] = ["Offset must not be negative."];
        }

        if (limit is < 1 or > MaxPageSize)
        {
            errors["limit"] = [$"Limit must be between 1 and {MaxPageSize}."];
        }

        return errors.Count > 0
            ? TypedResults.ValidationProblem(errors)
            : TypedResults.Ok(await store.ListAsync(offset, limit, cancellationToken));
    }

    private static async Task<Results<Ok<Product>, ProblemHttpResult>> ReadAsync(
        long id, CachedProductReader reader, HttpResponse response, CancellationToken cancellationToken)
    {
        var read = await reader.ReadAsync(id, cancellationToken);
        response.Headers[CacheHeader] = read.FromCache ? "hit" : "miss";
        return read.Product is { } product ? TypedResults.Ok(product) : NotFound(id);
    }

    private static async Task<Results<Ok<Product>, ValidationProblem, ProblemHttpResult>> UpdateAsync(
        long id, ProductRequest request, IProductStore store, ProductCache cache, CancellationToken cancellationToken)
    {
        var errors = request.Validate();
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var product = await store.UpdateAsync(id, request, cancellationToken);
        await cache.InvalidateAsync(id);
        return product is null ? NotFound(id) : TypedResults.Ok(product);
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> DeleteAsync(
        long id, IProductStore store, ProductCache cache, IProductImageStore images, ILoggerFactory loggers,
        CancellationToken cancellationToken)
    {
        if (!await store.DeleteAsync(id, cancellationToken))
        {
            return NotFound(id);
        }

        await cache.InvalidateAsync(id);
        try
        {
            await images.DeleteAsync(id, cancellationToken);
        }
        catch (Exception e) when (e is MinioException or HttpRequestException)
        {
            // The product is gone either way; an orphaned image costs storage, not correctness (ids are never reused).
            loggers.CreateLogger(typeof(ProductEndpoints)).LogWarning(e, "Deleting the image of product {ProductId} failed", id);
        }

        return TypedResults.NoContent();
    }
}
