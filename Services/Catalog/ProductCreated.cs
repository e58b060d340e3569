namespace Catalog;

public sealed record ProductCreated(long ProductId);
