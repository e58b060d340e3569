namespace Orders.Tests;

/// <summary>The test classes that share one <see cref="RunningStore"/>.</summary>
[CollectionDefinition(nameof(StoreCollection))]
public sealed class StoreCollection : ICollectionFixture<RunningStore>;
