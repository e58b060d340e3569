using System.Text.Json;
using Microsoft.Data.Sqlite;
using Parity.Dashboard.Configuration;

namespace Parity.Dashboard.Storage;

/// <summary>Appends one run's rows to the storage file, one transaction per batch, and trims them to the caps.</summary>
public sealed class RunRowWriter : IDisposable
{
    private readonly SqliteConnection _connection;
    private readonly string _runId;
    private readonly SqliteCommand _insertSpan;
    private readonly SqliteCommand _insertLog;
    private readonly SqliteCommand _insertMetricPoint;

    public RunRowWriter(SqliteConnection connection, string runId)
    {
        _connection = connection;
        _runId = runId;
        _insertSpan = Insert("INSERT INTO spans (run_id, trace_id, json) VALUES ($run, $trace, $json)", "$trace");
        _insertLog = Insert("INSERT INTO logs (run_id, json) VALUES ($run, $json)");
        _insertMetricPoint = Insert("INSERT INTO metric_points (run_id, json) VALUES ($run, $json)");
    }

    public void Write(IEnumerable<SpanRecord> spans, IEnumerable<LogEntry> logs, IEnumerable<MetricPoint> points)
    {
        using var transaction = _connection.BeginTransaction();
        foreach (var command in new[] { _insertSpan, _insertLog, _insertMetricPoint })
        {
            command.Transaction = transaction;
        }

        foreach (var span in spans)
        {
            _insertSpan.Parameters["$trace"].Value = span.TraceId;
            Run(_insertSpan, JsonSerializer.Serialize(span, StoredTelemetryJson.Default.SpanRecord));
        }

        foreach (var log in logs)
        {
            Run(_insertLog, JsonSerializer.Serialize(log, StoredTelemetryJson.Default.LogEntry));
        }

        foreach (var point in points)
        {
            Run(_insertMetricPoint, JsonSerializer.Serialize(point, StoredTelemetryJson.Default.MetricPoint));
        }

        transaction.Commit();
    }

    /// <summary>
    /// Deletes a run's rows beyond the caps, oldest first, as the in-memory store evicts: whole traces by first arrival,
    /// single logs and metric points by arrival.
    /// </summary>
    public static void Trim(SqliteConnection connection, string runId, DashboardOptions caps)
    {
        TrimSpans(connection, runId, caps.MaxTraces);
        TrimLogs(connection, runId, caps.MaxLogs);
        TrimMetricPoints(connection, runId, caps.MaxMetricPoints);
    }

    /// <summary>Keeps the newest <paramref name="maxTraces"/> traces; returns how many spans remain.</summary>
    public static long TrimSpans(SqliteConnection connection, string runId, int maxTraces)
    {
        Execute(connection, runId, maxTraces, """
            DELETE FROM spans WHERE run_id = $run AND trace_id IN (
                SELECT trace_id FROM spans WHERE run_id = $run GROUP BY trace_id ORDER BY MIN(seq) DESC LIMIT -1 OFFSET $cap)
            """);
        using var count = connection.CreateCommand();
        count.CommandText = "SELECT COUNT(*) FROM spans WHERE run_id = $run";
        count.Parameters.AddWithValue("$run", runId);
        return (long)count.ExecuteScalar()!;
    }

    public static void TrimLogs(SqliteConnection connection, string runId, int maxLogs) =>
        Execute(connection, runId, maxLogs, """
            DELETE FROM logs WHERE run_id = $run AND seq <= (
                SELECT seq FROM logs WHERE run_id = $run ORDER BY seq DESC LIMIT 1 OFFSET $cap)
            """);

    public static void TrimMetricPoints(SqliteConnection connection, string runId, int maxMetricPoints) =>
        Execute(connection, runId, maxMetricPoints, """
            DELETE FROM metric_points WHERE run_id = $run AND seq <= (
                SELECT seq FROM metric_points WHERE run_id = $run ORDER BY seq DESC LIMIT 1 OFFSET $cap)
            """);

    public void Dispose()
    {
        _insertSpan.Dispose();
        _insertLog.Dispose();
        _insertMetricPoint.Dispose();
    }

    private SqliteCommand Insert(string sql, params string[] extraParameters)
    {
        var command = _connection.CreateCommand();
        command.CommandText = sql;
        command.Parameters.AddWithValue("$run", _runId);
        command.Parameters.Add("$json", SqliteType.Text);
        foreach (var name in extraParameters)
        {
            command.Parameters.Add(name, SqliteType.Text);
        }

        return command;
    }

    private static void Run(SqliteCommand insert, string json)
    {
        insert.Parameters["$json"].Value = json;
        insert.ExecuteNonQuery();
    }

    private static void Execute(SqliteConnection connection, string runId, int cap, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Parameters.AddWithValue("$run", runId);
        command.Parameters.AddWithValue("$cap", cap);
        command.ExecuteNonQuery();
    }
}
