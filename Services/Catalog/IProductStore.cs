namespace Catalog;

public interface IProductStore
{
    Task<Product> AddAsync(ProductRequest product, CancellationToken cancellationToken);

    Task<Product?> FindAsync(long productId, CancellationToken cancellationToken);

    Task<IReadOnlyList<Product>> ListAsync(int offset, int limit, CancellationToken cancellationToken);

    /// <returns>The updated product, or null when there is none with this id.</returns>
    Task<Product?> UpdateAsync(long productId, ProductRequest product, CancellationToken cancellationToken);

    Task<bool> DeleteAsync(long productId, CancellationToken cancellationToken);

    /// <returns>False when there is no product with this id.</returns>
    Task<bool> SetImageContentTypeAsync(long productId, string contentType, CancellationToken cancellationToken);
}
