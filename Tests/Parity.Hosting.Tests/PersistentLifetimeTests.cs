using Npgsql;
using Parity.Hosting.ApplicationModel;
using Parity.Hosting.Orchestration;
using Parity.Hosting.Publishing;

namespace Parity.Hosting.Tests;

/// <summary>Resources declared persistent outlive a run, and the next run adopts, replaces or restarts them.</summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")] // PostgreSQL runs as its own user, reaching a folder by its Unix mode
public sealed class PersistentLifetimeTests : IAsyncDisposable
{
    private readonly string _state = Directory.CreateTempSubdirectory("parity-persistent-").FullName;

    [Fact]
    public async Task PostgresIsAdoptedWithItsDataReplacedWhenItsConfigurationChangesStartedAgainWhenKilledAndStoppedForGood()
    {
        int adoptedPid;
        await using (var first = await StartAsync())
        {
            Assert.NotEqual(RunOnceCompletion.SkippedMessage, first.ResourceNotifications.Get("migrations")!.Message);
            Assert.False(first.ResourceNotifications.Get("pg")!.Adopted);
            Assert.Equal("Persistent", first.ResourceNotifications.Get("pg")!.Lifetime);
            adoptedPid = first.PidOf("pg");
            await using var database = await Sql.DatabaseOfAsync(first);
            await Sql.ExecuteAsync(database, "CREATE TABLE notes (text text); INSERT INTO notes VALUES ('kept')");
        }
        Assert.True(PersistentProcessId.Of(adoptedPid).IsAlive, "the run's end stopped a persistent server");

        string port;
        await using (var second = await StartAsync())
        {
            var pg = second.ResourceNotifications.Get("pg")!;
            Assert.True(pg.Adopted);
            Assert.Equal(0, pg.Restarts);
            Assert.Equal(adoptedPid, second.PidOf("pg"));
            // The same build and configuration completed against this very server: the migration is not run again.
            Assert.Equal(RunOnceCompletion.SkippedMessage, second.ResourceNotifications.Get("migrations")!.Message);
            await using var database = await Sql.DatabaseOfAsync(second);
            Assert.Equal("kept", await Sql.ScalarAsync(database, "SELECT text FROM notes"));
            port = new NpgsqlConnectionStringBuilder(database.ConnectionString).Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        int replacedPid;
        await using (var changed = await StartAsync(setting: "changed"))
        {
            Assert.False(changed.ResourceNotifications.Get("pg")!.Adopted);
            replacedPid = changed.PidOf("pg");
            Assert.NotEqual(adoptedPid, replacedPid);
            Assert.False(PersistentProcessId.Of(adoptedPid).IsAlive, "the process with the old configuration still runs");
            Assert.NotEqual(RunOnceCompletion.SkippedMessage, changed.ResourceNotifications.Get("migrations")!.Message);
            await using var database = await Sql.DatabaseOfAsync(changed);
            Assert.Equal("kept", await Sql.ScalarAsync(database, "SELECT text FROM notes"));
            Assert.Equal(port, new NpgsqlConnectionStringBuilder(database.ConnectionString).Port.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        Assert.Equal(0, Kill(-replacedPid)); // its whole session, as a crash or the OOM killer would
        await PersistentProcessId.Of(replacedPid).EndAsync(TimeSpan.FromSeconds(30));
        await using (var restarted = await StartAsync(setting: "changed"))
        {
            Assert.False(restarted.ResourceNotifications.Get("pg")!.Adopted);
            Assert.NotEqual(replacedPid, restarted.PidOf("pg"));
            await using var database = await Sql.DatabaseOfAsync(restarted);
            Assert.Equal("kept", await Sql.ScalarAsync(database, "SELECT text FROM notes"));
        }

        var record = Assert.Single(PersistentRecord.ReadAll(_state));
        Assert.Equal(0, StopPersistentCommand.Run(_state));
        Assert.False(record.IsAlive);
        Assert.Empty(PersistentRecord.ReadAll(_state));
        Assert.False(Directory.Exists(record.OwnData), "stop --persistent left the server's own data");
    }

    [Fact]
    public async Task ATestRunKeepsEveryResourceForTheSessionAndTheStopVerbRefusesWhileTheAppHostRuns()
    {
        var builder = TestApp.CreateBuilder(_state);
        builder.AddExecutable("keeper", "sleep", ".", "300").WithLifetime(ContainerLifetime.Persistent);
        int pid;
        await using (var app = builder.Build())
        {
            await app.StartAsync(TestApp.Timeout());
            await app.WaitForAsync("keeper", s => s.State == ResourceState.Running);
            Assert.Equal("Session", app.ResourceNotifications.Get("keeper")!.Lifetime);
            pid = app.PidOf("keeper");
            Assert.Empty(PersistentRecord.ReadAll(_state));
            await File.WriteAllTextAsync(Path.Combine(_state, "run.json"), $$"""{"appHostPid": {{Environment.ProcessId}}}""", TestContext.Current.CancellationToken);
            Assert.Equal(1, StopPersistentCommand.Run(_state));
            File.Delete(Path.Combine(_state, "run.json"));
        }
        Assert.False(PersistentProcessId.Of(pid).IsAlive);
    }

    private async Task<DistributedApplication> StartAsync(string setting = "first")
    {
        var builder = TestApp.CreateBuilder(_state, keepPersistentResources: true);
        var db = builder.AddPostgres("pg").WithLifetime(ContainerLifetime.Persistent).WithEnvironment("PARITY_TEST_SETTING", setting).AddDatabase("db");
        var migrations = builder.AddProject<Projects.TestService>("migrations").WithEnvironment("EXIT_AFTER_MS", "0").WithReference(db).WaitFor(db);
        builder.AddExecutable("after-migrations", "sleep", ".", "300").WaitForCompletion(migrations);
        var app = builder.Build();
        await app.StartAsync(TestApp.Timeout());
        await app.WaitForHealthyAsync("db");
        await app.WaitForAsync("migrations", s => s.State == ResourceState.Finished);
        return app;
    }


    /// <summary>Whatever a failed test left running is stopped, so nothing outlives the test run.</summary>
    public async ValueTask DisposeAsync()
    {
        foreach (var record in PersistentRecord.ReadAll(_state))
        {
            await record.StopAsync(_state, TimeSpan.FromSeconds(5));
        }
        Directory.Delete(_state, recursive: true);
    }

    [System.Runtime.InteropServices.DllImport("libc", EntryPoint = "kill")]
    private static extern int Kill(int pid, int signal = 9);
}
