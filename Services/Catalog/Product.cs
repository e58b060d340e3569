namespace Catalog;

/// <summary>A product as the API returns it; <see cref="ImageContentType"/> is null until an image is uploaded.</summary>
public sealed record Product(long ProductId, string Name, string Description, decimal Price, string? ImageContentType);
