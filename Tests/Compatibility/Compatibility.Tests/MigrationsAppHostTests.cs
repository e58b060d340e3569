using Parity.Hosting.Orchestration;
using Parity.Testing;

namespace Compatibility.Tests;

/// <summary>aspire-samples' DatabaseMigrations shape: a migration service that runs once, before the API.</summary>
public sealed class MigrationsAppHostTests
{
    [Fact]
    public async Task TheMigrationRunsOnceThenTheApiStartsOnTheSameDatabase()
    {
        var ct = Deadline.Token();
        var builder = await DistributedApplicationTestingBuilder.CreateAsync<Projects.MigrationsAppHost>(ct);
        await using var app = await builder.BuildAsync(ct);
        await app.StartAsync(ct);

        await app.ResourceNotifications.WaitForResourceHealthyAsync("api", ct);
        var migration = app.ResourceNotifications.Get("migration")!;
        Assert.Equal(ResourceState.Finished, migration.State);
        Assert.Equal(0, migration.ExitCode);

        using var api = app.CreateHttpClient("api");
        var connectionString = await api.GetStringAsync("/env/ConnectionStrings__db1", ct);
        Assert.Equal(await app.GetConnectionStringAsync("db1", ct), connectionString);
        Assert.Contains("Database=db1", connectionString);
    }

    [Fact]
    public async Task TheMigrationIsPublishedAsAJob()
    {
        var published = await PublishedAppHost.PublishAsync(new Projects.MigrationsAppHost());

        Assert.Equal("project.v0", published.Resource("migration")["type"]!.GetValue<string>());
        Assert.Contains("migration-job.yaml", published.ClusterFiles);
        Assert.Contains("api-deployment.yaml", published.ClusterFiles);
    }
}
