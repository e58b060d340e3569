using System.Diagnostics;
using Parity.Testing;

namespace Parity.Hosting.Tests;

/// <summary>
/// The state folder holds run.json (the resource service's key), generated secrets, the dashboard's telemetry and the
/// servers' data: no other user of the machine may read any of it. PostgreSQL, which refuses root, still runs from a
/// data volume there when the AppHost runs as root.
/// </summary>
public sealed class PrivateStateTests
{
    private const UnixFileMode OwnerOnlyFile = UnixFileMode.UserRead | UnixFileMode.UserWrite;
    private const UnixFileMode OwnerOnlyFolder = OwnerOnlyFile | UnixFileMode.UserExecute;
    private const UnixFileMode SearchOnlyForOthers = OwnerOnlyFolder | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute;
    private const UnixFileMode PassableByOthers = UnixFileMode.GroupExecute | UnixFileMode.OtherExecute;
    private const UnixFileMode ReadOrWriteByOthers =
        UnixFileMode.GroupRead | UnixFileMode.GroupWrite | UnixFileMode.OtherRead | UnixFileMode.OtherWrite;

    /// <summary>As root, the engine runs PostgreSQL as user postgres.</summary>
    private static readonly bool DropsPrivileges = Environment.UserName == "root";

    [Fact]
    public async Task NothingARunKeepsIsReadableByOtherUsersAndPostgresServesFromItsVolume()
    {
        var state = Directory.CreateTempSubdirectory("parity-test-").FullName;
        try
        {
            // Open to all, as an earlier version or a test may have left it, with a log readable by all in it.
            File.SetUnixFileMode(state, (UnixFileMode)0b111_101_101);
            await File.WriteAllTextAsync(Path.Combine(state, "apphost.log"), "an earlier run's output", TestApp.Timeout());
            File.SetUnixFileMode(Path.Combine(state, "apphost.log"), (UnixFileMode)0b110_100_100);

            var builder = DistributedApplicationTestingBuilder.Create([], options =>
            {
                options.StateDirectory = state;
                options.DisableDashboard = false;
            });
            builder.AddPostgres("pg").WithDataVolume().AddDatabase("db");
            builder.AddRedis("cache").WithDataVolume();
            builder.AddParameter("signing-key", new GenerateParameterDefault { MinLength = 32 }, secret: true);
            await using var app = builder.Build();
            await app.StartAsync(TestApp.Timeout());
            await app.WaitForHealthyAsync("db");
            await app.WaitForHealthyAsync("cache");
            await app.WaitForHealthyAsync(DashboardResource.ResourceName);

            await using (var database = await Sql.DatabaseOfAsync(app))
            {
                await Sql.ExecuteAsync(database, "CREATE TABLE notes (text text); INSERT INTO notes VALUES ('private')");
                Assert.Equal("private", await Sql.ScalarAsync(database, "SELECT text FROM notes"));
            }
            var telemetry = Path.Combine(state, "telemetry.db");
            while (!File.Exists(telemetry))
            {
                await Task.Delay(100, TestApp.Timeout()); // the dashboard opens it as it starts
            }

            Assert.Equal(DropsPrivileges ? SearchOnlyForOthers : OwnerOnlyFolder, File.GetUnixFileMode(state));
            Assert.Equal(OwnerOnlyFile, File.GetUnixFileMode(Path.Combine(state, "run.json")));
            Assert.Equal(OwnerOnlyFile, File.GetUnixFileMode(Path.Combine(state, "secrets.json")));
            Assert.Contains("signing-key", await File.ReadAllTextAsync(Path.Combine(state, "secrets.json"), TestApp.Timeout()));
            Assert.Equal(OwnerOnlyFile, File.GetUnixFileMode(telemetry));
            Assert.Equal(OwnerOnlyFile, File.GetUnixFileMode(Path.Combine(state, "apphost.log")));

            var volumes = Path.Combine(state, "volumes");
            Assert.Equal(DropsPrivileges ? SearchOnlyForOthers : OwnerOnlyFolder, File.GetUnixFileMode(volumes));
            Assert.Equal(OwnerOnlyFolder, File.GetUnixFileMode(Path.Combine(volumes, "pg-data")));
            Assert.Equal(DropsPrivileges ? "postgres" : Environment.UserName, OwnerOf(Path.Combine(volumes, "pg-data")));
            Assert.Equal(OwnerOnlyFile, File.GetUnixFileMode(Path.Combine(volumes, "pg-data.credentials")));
            Assert.Equal(OwnerOnlyFolder, File.GetUnixFileMode(Path.Combine(volumes, "cache-data")));

            // Others pass only the folders on the way to PostgreSQL's data, and find nothing there they may read.
            var reachable = ReachableByOthers(state).ToList();
            Assert.Equal(DropsPrivileges ? [volumes] : [], reachable.Where(e => Directory.Exists(e) && (File.GetUnixFileMode(e) & PassableByOthers) != 0));
            Assert.DoesNotContain(reachable, e => (File.GetUnixFileMode(e) & ReadOrWriteByOthers) != 0);

            // What the servers wrote themselves is theirs alone too: Redis sets no umask of its own, the engine does.
            var written = Directory.EnumerateFileSystemEntries(Path.Combine(volumes, "cache-data"), "*", SearchOption.AllDirectories).ToList();
            Assert.NotEmpty(written);
            Assert.DoesNotContain(written, e => (File.GetUnixFileMode(e) & (ReadOrWriteByOthers | PassableByOthers)) != 0);
        }
        finally
        {
            Directory.Delete(state, recursive: true);
        }
    }

    [Fact]
    public async Task WhenPostgresCannotPassTheFoldersAboveTheStateFolderItsVolumeLivesUnderVarLibParityAndTheStateFolderStaysClosed()
    {
        Assert.SkipUnless(DropsPrivileges, "only an AppHost that runs as root runs PostgreSQL as another user");
        var parent = Directory.CreateTempSubdirectory("parity-test-").FullName; // 0700: user postgres cannot pass it
        var state = Path.Combine(parent, "state");
        string? volume = null;
        try
        {
            var builder = TestApp.CreateBuilder(state);
            builder.AddPostgres("pg").WithDataVolume().AddDatabase("db");
            await using (var app = builder.Build())
            {
                await app.StartAsync(TestApp.Timeout());
                await app.WaitForHealthyAsync("db");
                await using var database = await Sql.DatabaseOfAsync(app);
                volume = Path.GetDirectoryName((string)(await Sql.ScalarAsync(database, "SHOW data_directory"))!)!;
            }

            Assert.StartsWith("/var/lib/parity/", volume);
            Assert.Equal(("postgres", OwnerOnlyFolder), (OwnerOf(volume), File.GetUnixFileMode(volume)));
            Assert.Equal(OwnerOnlyFile, File.GetUnixFileMode(volume + ".credentials"));
            Assert.Equal(SearchOnlyForOthers, File.GetUnixFileMode(Path.GetDirectoryName(volume)!));
            Assert.Equal(SearchOnlyForOthers, File.GetUnixFileMode("/var/lib/parity"));
            Assert.Equal(OwnerOnlyFolder, File.GetUnixFileMode(state));
            Assert.False(Directory.Exists(Path.Combine(state, "volumes")));
        }
        finally
        {
            Directory.Delete(parent, recursive: true);
            if (volume is not null)
            {
                Directory.Delete(Path.GetDirectoryName(volume)!, recursive: true);
            }
        }
    }

    /// <summary>What another user reaches: the entries of each folder they may pass, from <paramref name="folder"/> down.</summary>
    private static IEnumerable<string> ReachableByOthers(string folder) =>
        (File.GetUnixFileMode(folder) & PassableByOthers) == 0
            ? []
            : Directory.EnumerateFileSystemEntries(folder).SelectMany(entry =>
                Directory.Exists(entry) ? [entry, .. ReachableByOthers(entry)] : (IEnumerable<string>)[entry]);

    private static string OwnerOf(string path)
    {
        using var stat = Process.Start(new ProcessStartInfo("stat", ["-c", "%U", path]) { RedirectStandardOutput = true })!;
        var owner = stat.StandardOutput.ReadToEnd().Trim();
        stat.WaitForExit();
        return owner;
    }
}
