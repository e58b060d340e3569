using System.Globalization;
using Microsoft.Data.Sqlite;
using Parity.Dashboard.Configuration;

namespace Parity.Dashboard.Storage;

/// <summary>
/// The runs kept in the storage file: the current one live in memory (and copied to the file as it arrives), earlier
/// ones loaded from the file when opened.
/// </summary>
/// <remarks>
/// Retention: at start the file keeps the current run and the newest <see cref="DashboardOptions.KeepRuns"/> − 1
/// others by start time; within a run, the newest items up to the in-memory caps. So the file stays within
/// KeepRuns × caps, and a dashboard restarted with the same run id gets back what the run had.
/// </remarks>
public sealed class SqliteTelemetryRuns : ITelemetryRuns
{
    private const int SqliteCorrupt = 11;
    private const int SqliteNotADatabase = 26;

    private readonly string _path;
    private readonly DashboardOptions _caps;
    private readonly ITelemetryStore _live;
    private readonly Lock _pastRunLock = new();
    // Only the past run opened last stays loaded, so memory holds at most two runs' worth of telemetry.
    private (string RunId, ITelemetryStore Store)? _pastRun;

    private SqliteTelemetryRuns(string path, DashboardOptions caps, IReadOnlyList<RunInfo> runs, ITelemetryStore live)
    {
        _path = path;
        _caps = caps;
        _live = live;
        All = runs;
        Current = runs.Single(r => r.IsCurrent);
    }

    public RunInfo Current { get; }

    // Fixed for the life of the process: runs are added and deleted only at start.
    public IReadOnlyList<RunInfo> All { get; }

    /// <summary>
    /// Opens the file (setting aside one SQLite cannot read), records the current run, applies retention, and reloads
    /// what the current run already had.
    /// </summary>
    public static SqliteTelemetryRuns Start(string path, string runId, DashboardOptions caps, TelemetryWriter writer, ILogger logger)
    {
        var memory = NewMemoryStore(caps);
        IReadOnlyList<RunInfo> runs;
        try
        {
            runs = Prepare(path, runId, caps, memory, logger);
        }
        catch (SqliteException e) when (e.SqliteErrorCode is SqliteCorrupt or SqliteNotADatabase)
        {
            var aside = $"{path}.unreadable-{DateTimeOffset.UtcNow.ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture)}";
            logger.LogWarning("{Path} is not a readable SQLite file ({Message}); moved it to {Aside} and started a new one.", path, e.Message, aside);
            File.Move(path, aside);
            foreach (var suffix in new[] { "-wal", "-shm" })
            {
                File.Delete(path + suffix);
            }

            memory = NewMemoryStore(caps);
            runs = Prepare(path, runId, caps, memory, logger);
        }

        return new SqliteTelemetryRuns(path, caps, runs, new PersistedTelemetryStore(memory, writer));
    }

    public ITelemetryStore? Open(string? runId)
    {
        if (runId is null || runId == Current.Id)
        {
            return _live;
        }

        if (!All.Any(r => r.Id == runId))
        {
            return null;
        }

        lock (_pastRunLock)
        {
            if (_pastRun is { } opened && opened.RunId == runId)
            {
                return opened.Store;
            }

            _pastRun = null; // lets the previous one go before the next one loads
            var store = NewMemoryStore(_caps);
            using (var connection = TelemetryDatabase.Open(_path))
            {
                RunRowLoader.Load(connection, runId, store);
            }

            _pastRun = (runId, new ReadOnlyTelemetryStore(store));
            return _pastRun.Value.Store;
        }
    }

    private static IReadOnlyList<RunInfo> Prepare(string path, string runId, DashboardOptions caps, InMemoryTelemetryStore memory, ILogger logger)
    {
        using var connection = TelemetryDatabase.Open(path);
        RunCatalog.Register(connection, runId, DateTimeOffset.UtcNow);
        var expired = RunCatalog.ApplyRetention(connection, runId, caps.KeepRuns);
        if (expired.Count > 0)
        {
            logger.LogInformation("Deleted the telemetry of {Count} older runs ({RunIds}) from {Path}.", expired.Count, string.Join(", ", expired), path);
        }

        RunRowWriter.Trim(connection, runId, caps);
        var (loaded, unreadable) = RunRowLoader.Load(connection, runId, memory);
        if (loaded > 0)
        {
            logger.LogInformation("Reloaded {Count} telemetry items of run {RunId} from {Path}.", loaded, runId, path);
        }

        if (unreadable > 0)
        {
            logger.LogWarning("Skipped {Count} stored telemetry items of run {RunId} that this version cannot read.", unreadable, runId);
        }

        return RunCatalog.List(connection, runId);
    }

    private static InMemoryTelemetryStore NewMemoryStore(DashboardOptions caps) =>
        new(caps.MaxTraces, caps.MaxLogs, caps.MaxMetricPoints);
}
