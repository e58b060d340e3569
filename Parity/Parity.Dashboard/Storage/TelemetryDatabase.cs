using Microsoft.Data.Sqlite;

namespace Parity.Dashboard.Storage;

/// <summary>The SQLite file that keeps the telemetry of the last runs: how to open it, and its tables.</summary>
/// <remarks>
/// Rows hold records as JSON, ordered by <c>seq</c> (the rowid, so in insertion order); an index on <c>run_id</c> also
/// yields each run's rows in that order.
/// </remarks>
public static class TelemetryDatabase
{
    // Bumped when the row layout changes; a file of another version is emptied, since it holds only past telemetry.
    private const int SchemaVersion = 1;

    private const string CreateTables = """
        CREATE TABLE IF NOT EXISTS runs (id TEXT PRIMARY KEY, started_at INTEGER NOT NULL) WITHOUT ROWID;
        CREATE TABLE IF NOT EXISTS spans (seq INTEGER PRIMARY KEY, run_id TEXT NOT NULL, trace_id TEXT NOT NULL, json TEXT NOT NULL);
        CREATE INDEX IF NOT EXISTS spans_by_trace ON spans (run_id, trace_id);
        CREATE TABLE IF NOT EXISTS logs (seq INTEGER PRIMARY KEY, run_id TEXT NOT NULL, json TEXT NOT NULL);
        CREATE INDEX IF NOT EXISTS logs_by_run ON logs (run_id);
        CREATE TABLE IF NOT EXISTS metric_points (seq INTEGER PRIMARY KEY, run_id TEXT NOT NULL, json TEXT NOT NULL);
        CREATE INDEX IF NOT EXISTS metric_points_by_run ON metric_points (run_id);
        """;

    private const string DropTables = """
        DROP TABLE IF EXISTS runs;
        DROP TABLE IF EXISTS spans;
        DROP TABLE IF EXISTS logs;
        DROP TABLE IF EXISTS metric_points;
        """;

    /// <summary>Opens the file (created when missing) in WAL mode, with the tables in place.</summary>
    public static SqliteConnection Open(string path)
    {
        KeepOwnerOnly(path);
        // No pooling: a closed connection releases the file, as a stopped dashboard would.
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString());
        try
        {
            connection.Open();
            // WAL lets the background writer and a reader of a past run work at once; NORMAL sync is safe in WAL
            // against a crash of the process, which is what a dashboard's telemetry needs.
            Execute(connection, "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA busy_timeout = 5000;");
            EnsureSchema(connection);
            return connection;
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Telemetry holds what services logged, secrets included: only its owner may read the file. SQLite creates its
    /// -wal and -shm files with the mode of the database file, so a new file is created owner-only before SQLite opens
    /// it (an empty file is a new database to it), and one an earlier version left open is restricted, with its companions.
    /// </summary>
    private static void KeepOwnerOnly(string path)
    {
        if (!File.Exists(path))
        {
            OwnerOnly.CreateFile(path).Dispose();
            return;
        }
        foreach (var file in (string[])[path, path + "-wal", path + "-shm"])
        {
            if (File.Exists(file))
            {
                OwnerOnly.Restrict(file);
            }
        }
    }

    public static void Execute(SqliteConnection connection, string sql, SqliteTransaction? transaction = null)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = transaction;
        command.ExecuteNonQuery();
    }

    private static void EnsureSchema(SqliteConnection connection)
    {
        using var transaction = connection.BeginTransaction();
        using var version = connection.CreateCommand();
        version.Transaction = transaction;
        version.CommandText = "PRAGMA user_version";
        var found = Convert.ToInt32(version.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
        if (found != SchemaVersion)
        {
            if (found != 0)
            {
                Execute(connection, DropTables, transaction);
            }

            Execute(connection, CreateTables, transaction);
            Execute(connection, $"PRAGMA user_version = {SchemaVersion}", transaction);
        }

        transaction.Commit();
    }
}
