namespace Catalog;

/// <summary>Reads a product from the cache, else from the database, caching what it found.</summary>
public sealed class CachedProductReader(ProductCache cache, IProductStore store)
{
    public async Task<ProductRead> ReadAsync(long productId, CancellationToken cancellationToken)
    {
        if (await cache.FindAsync(productId) is { } cached)
        {
            return new ProductRead(cached, FromCache: true);
        }

        var product = await store.FindAsync(productId, cancellationToken);
        if (product is not null)
        {
            await cache.StoreAsync(product);
        }

        return new ProductRead(product, FromCache: false);
    }
}
