using System.Text.Json;
using StackExchange.Redis;

namespace Catalog;

/// <summary>
/// Product reads cached in Redis (<c>ConnectionStrings__redis</c>); every write deletes the entry it changes.
/// The cache only saves database reads: when Redis is unreachable the catalog serves from Postgres, slower but correct.
/// </summary>
public sealed class ProductCache(IConnectionMultiplexer redis, ILogger<ProductCache> logger)
{
    // Bounds how long an entry can be stale if an invalidation is lost while Redis is unreachable.
    private static readonly TimeSpan TimeToLive = TimeSpan.FromMinutes(5);

    public async Task<Product?> FindAsync(long productId)
    {
        try
        {
            var cached = await redis.GetDatabase().StringGetAsync(Key(productId));
            return cached.HasValue ? JsonSerializer.Deserialize<Product>((string)cached!, JsonSerializerOptions.Web) : null;
        }
        catch (Exception e) when (e is RedisException or RedisTimeoutException)
        {
            logger.LogWarning(e, "Reading product {ProductId} from the cache failed; reading the database instead", productId);
            return null;
        }
    }

    public async Task StoreAsync(Product product)
    {
        try
        {
            await redis.GetDatabase().StringSetAsync(
                Key(product.ProductId), JsonSerializer.Serialize(product, JsonSerializerOptions.Web), TimeToLive);
        }
        catch (Exception e) when (e is RedisException or RedisTimeoutException)
        {
            logger.LogWarning(e, "Caching product {ProductId} failed", product.ProductId);
        }
    }

    public async Task InvalidateAsync(long productId)
    {
        try
        {
            await redis.GetDatabase().KeyDeleteAsync(Key(productId));
        }
        catch (Exception e) when (e is RedisException or RedisTimeoutException)
        {
            logger.LogError(e, "Removing product {ProductId} from the cache failed; it may be served stale for up to {TimeToLive}", productId, TimeToLive);
        }
    }

    private static RedisKey Key(long productId) => $"catalog:product:{productId}";
}
