using Microsoft.Extensions.Hosting;
using Parity.Hosting;
using Parity.Hosting.ApplicationModel;
using Parity.Hosting.Orchestration;
using Parity.Testing;

namespace Catalog.Tests;

/// <summary>
/// Real Postgres, Redis and S3 started by the engine, the schema applied by <c>Catalog migrate</c> run as a
/// run-once resource (as the AppHost does), and the catalog hosted in-process against them.
/// </summary>
public sealed class CatalogFixture : IAsyncLifetime
{
    private DistributedApplication? _backingServices;
    private CatalogFactory? _catalog;

    public CatalogFactory Catalog => _catalog ?? throw new InvalidOperationException("The fixture has not started.");

    public string DatabaseConnectionString { get; private set; } = "";

    public async ValueTask InitializeAsync()
    {
        var cancellationToken = Timeout();
        var builder = DistributedApplicationTestingBuilder.Create([], options => options.StopGracePeriod = TimeSpan.FromSeconds(3));
        var database = builder.AddPostgres("pg").AddDatabase("catalogdb");
        builder.AddRedis("redis");
        builder.AddMinioContainer("minio");
        builder.AddProject<Projects.Catalog>("catalog-migrations")
            .WithArgs(SchemaMigration.Command)
            .WithReference(database)
            .WaitFor(database)
            .WithRestartPolicy(RestartPolicy.Never);

        _backingServices = await builder.BuildAsync(cancellationToken);
        await _backingServices.StartAsync(cancellationToken);
        await _backingServices.ResourceNotifications.WaitForResourceHealthyAsync("redis", cancellationToken);
        await _backingServices.ResourceNotifications.WaitForResourceHealthyAsync("minio", cancellationToken);
        var migration = await _backingServices.ResourceNotifications.WaitForResourceAsync(
            "catalog-migrations", snapshot => snapshot.State is ResourceState.Finished or ResourceState.Exited or ResourceState.FailedToStart,
            cancellationToken);
        Assert.True(migration.State == ResourceState.Finished, $"The migration ended {migration.State} (exit code {migration.ExitCode}): {migration.Message}");

        DatabaseConnectionString = await ConnectionStringAsync("catalogdb", cancellationToken);
        var settings = new Dictionary<string, string>
        {
            ["ConnectionStrings:catalogdb"] = DatabaseConnectionString,
            ["ConnectionStrings:redis"] = await ConnectionStringAsync("redis", cancellationToken),
            ["ConnectionStrings:minio"] = await ConnectionStringAsync("minio", cancellationToken),
        };
        _catalog = new CatalogFactory(settings);
    }

    public async ValueTask DisposeAsync()
    {
        if (_catalog is not null)
        {
            await _catalog.DisposeAsync();
        }

        if (_backingServices is not null)
        {
            await _backingServices.DisposeAsync();
        }
    }

    private async Task<string> ConnectionStringAsync(string resource, CancellationToken cancellationToken) =>
        await _backingServices!.GetConnectionStringAsync(resource, cancellationToken)
        ?? throw new InvalidOperationException($"'{resource}' has no connection string.");

    /// <summary>Generous: real servers start on a busy 2-core machine.</summary>
    private static CancellationToken Timeout()
    {
        var source = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        source.CancelAfter(TimeSpan.FromSeconds(120));
        return source.Token;
    }
}
