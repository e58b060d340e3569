using Microsoft.Data.Sqlite;

namespace Parity.Dashboard.Storage;

/// <summary>The <c>runs</c> table: which runs the file keeps, and the retention rule that bounds them.</summary>
public static class RunCatalog
{
    private static readonly string[] RowTables = ["spans", "logs", "metric_points"];

    /// <summary>Records a run; a run already known (a restarted dashboard) keeps its first start time.</summary>
    public static void Register(SqliteConnection connection, string runId, DateTimeOffset startedAt)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "INSERT OR IGNORE INTO runs (id, started_at) VALUES ($id, $started)";
        command.Parameters.AddWithValue("$id", runId);
        command.Parameters.AddWithValue("$started", startedAt.ToUnixTimeMilliseconds());
        command.ExecuteNonQuery();
    }

    /// <summary>
    /// Keeps the current run and the newest <paramref name="keepRuns"/> − 1 others by start time, deleting the rest
    /// with their rows; returns the ids deleted.
    /// </summary>
    public static IReadOnlyList<string> ApplyRetention(SqliteConnection connection, string currentRunId, int keepRuns)
    {
        using var transaction = connection.BeginTransaction();
        var expired = new List<string>();
        using (var select = connection.CreateCommand())
        {
            select.Transaction = transaction;
            select.CommandText = "SELECT id FROM runs WHERE id <> $current ORDER BY started_at DESC, id DESC LIMIT -1 OFFSET $keep";
            select.Parameters.AddWithValue("$current", currentRunId);
            select.Parameters.AddWithValue("$keep", Math.Max(keepRuns, 1) - 1);
            using var reader = select.ExecuteReader();
            while (reader.Read())
            {
                expired.Add(reader.GetString(0));
            }
        }

        foreach (var runId in expired)
        {
            foreach (var table in RowTables.Append("runs"))
            {
                using var delete = connection.CreateCommand();
                delete.Transaction = transaction;
                delete.CommandText = $"DELETE FROM {table} WHERE {(table == "runs" ? "id" : "run_id")} = $run";
                delete.Parameters.AddWithValue("$run", runId);
                delete.ExecuteNonQuery();
            }
        }

        transaction.Commit();
        return expired;
    }

    /// <summary>Newest first.</summary>
    public static IReadOnlyList<RunInfo> List(SqliteConnection connection, string currentRunId)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT id, started_at FROM runs ORDER BY started_at DESC, id DESC";
        using var reader = command.ExecuteReader();
        var runs = new List<RunInfo>();
        while (reader.Read())
        {
            var id = reader.GetString(0);
            runs.Add(new RunInfo(id, DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(1)), id == currentRunId));
        }

        return runs;
    }
}
