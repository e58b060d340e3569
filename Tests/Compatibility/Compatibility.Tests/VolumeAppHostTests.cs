using Parity.Testing;

namespace Compatibility.Tests;

/// <summary>aspire-samples' VolumeMount shape: data volumes and persistent lifetimes on native backing services.</summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class VolumeAppHostTests
{
    [Fact]
    public async Task DataWrittenToAVolumeIsThereInTheNextRun()
    {
        var ct = Deadline.Token();
        var state = Directory.CreateTempSubdirectory("parity-compat-volume-").FullName;

        await using (var first = await StartAsync(state, ct))
        {
            await ExecuteAsync(first, "CREATE TABLE visits (id int); INSERT INTO visits VALUES (42);", ct);
        }
        await using var second = await StartAsync(state, ct);
        Assert.Equal(42, await ExecuteAsync(second, "SELECT id FROM visits;", ct));
        Assert.True(Directory.Exists(Path.Combine(state, "volumes", "cache-data")), "the named Redis volume lives in the state folder");
    }

    [Fact]
    public async Task VolumesArePublishedAsClaims()
    {
        var published = await PublishedAppHost.PublishAsync(new Projects.VolumeAppHost());

        var volume = Assert.Single(published.Resource("cache")["volumes"]!.AsArray());
        Assert.Equal("cache-data", volume!["name"]!.GetValue<string>());
        Assert.Contains("volumeClaimTemplates", published.ClusterFile("postgresserver-statefulset.yaml"));
    }

    private static async Task<Parity.Hosting.DistributedApplication> StartAsync(string state, CancellationToken ct)
    {
        var builder = await DistributedApplicationTestingBuilder.CreateAsync<Projects.VolumeAppHost>([], options => options.StateDirectory = state, ct);
        var app = await builder.BuildAsync(ct);
        await app.StartAsync(ct);
        await app.ResourceNotifications.WaitForResourceHealthyAsync("blazorweb", ct);
        return app;
    }

    private static async Task<int?> ExecuteAsync(Parity.Hosting.DistributedApplication app, string sql, CancellationToken ct)
    {
        await using var connection = new Npgsql.NpgsqlConnection(await app.GetConnectionStringAsync("postgres", ct));
        await connection.OpenAsync(ct);
        await using var command = new Npgsql.NpgsqlCommand(sql, connection);
        return await command.ExecuteScalarAsync(ct) as int?;
    }
}
