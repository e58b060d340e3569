using Parity.Dashboard.Storage;

namespace Parity.Dashboard.Tests;

/// <summary>The telemetry file holds what services logged, secrets included: only its owner may read it, or its journal.</summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class TelemetryFileModeTests
{
    private const UnixFileMode OwnerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    [Fact]
    public async Task The_file_the_dashboard_creates_and_its_wal_and_shm_are_readable_by_their_owner_only()
    {
        using var folder = new TemporaryFolder();
        var database = folder.File("telemetry.db");
        await using var dashboard = await RunningDashboard.StartAsync(new Dictionary<string, string?>
        {
            ["Dashboard:StoragePath"] = database,
            ["Dashboard:RunId"] = "r1",
        });

        await OtlpHttpExport.SendAsync(dashboard.OtlpHttpUrl, "/v1/traces", OtlpRequests.SingleSpanTrace(OtlpRequests.TraceId(1)));
        Assert.Equal(1, await Eventually.GetAsync(() => Task.FromResult(StoredRows.Count(database, "spans", "r1")), count => count == 1));

        // The writer keeps its connection open while the dashboard runs, so the journal files are there.
        Assert.Equal(
            [(database, OwnerOnly), (database + "-wal", OwnerOnly), (database + "-shm", OwnerOnly)],
            new[] { database, database + "-wal", database + "-shm" }.Select(f => (f, File.GetUnixFileMode(f))));
    }

    [Fact]
    public void A_file_left_readable_by_all_is_made_owner_only_with_its_journal_when_it_is_opened()
    {
        using var folder = new TemporaryFolder();
        var database = folder.File("telemetry.db");
        TelemetryDatabase.Open(database).Dispose();
        File.WriteAllBytes(database + "-wal", []); // an empty journal, as a killed dashboard may leave
        foreach (var file in new[] { database, database + "-wal" })
        {
            File.SetUnixFileMode(file, (UnixFileMode)0b110_100_100);
        }

        using var connection = TelemetryDatabase.Open(database);

        Assert.Equal(OwnerOnly, File.GetUnixFileMode(database));
        Assert.Equal(OwnerOnly, File.GetUnixFileMode(database + "-wal"));
    }
}
