namespace Catalog.Tests;

/// <summary>The test classes share one set of backing services: starting Postgres, Redis and S3 costs seconds each time.</summary>
[CollectionDefinition(Name)]
public sealed class CatalogCollection : ICollectionFixture<CatalogFixture>
{
    public const string Name = "catalog";
}
