namespace Catalog;

public interface IProductImageStore
{
    Task StoreAsync(long productId, Stream image, long length, string contentType, CancellationToken cancellationToken);

    /// <returns>False when the product has no stored image.</returns>
    Task<bool> CopyToAsync(long productId, Stream destination, CancellationToken cancellationToken);

    Task DeleteAsync(long productId, CancellationToken cancellationToken);
}
