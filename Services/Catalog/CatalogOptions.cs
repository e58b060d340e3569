namespace Catalog;

/// <summary>The <c>Catalog</c> configuration section.</summary>
public sealed class CatalogOptions
{
    public const string Section = "Catalog";

    public long MaxImageBytes { get; set; } = 5 * 1024 * 1024;
}
