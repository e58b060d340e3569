namespace Catalog;

/// <param name="Product">Null when there is no product with the id.</param>
/// <param name="FromCache">True when Redis answered and the database was not read.</param>
public sealed record ProductRead(Product? Product, bool FromCache);
