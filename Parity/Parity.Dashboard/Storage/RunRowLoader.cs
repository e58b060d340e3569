using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Microsoft.Data.Sqlite;

namespace Parity.Dashboard.Storage;

/// <summary>Replays a run's stored rows, in arrival order, into a store (which keeps the newest up to its caps).</summary>
public static class RunRowLoader
{
    private const int ChunkSize = 1_000;

    /// <returns>How many rows were read, and how many could not be (rows written by an older record shape).</returns>
    public static (int Loaded, int Unreadable) Load(SqliteConnection connection, string runId, ITelemetryStore store)
    {
        var spans = Replay(connection, runId, "spans", StoredTelemetryJson.Default.SpanRecord, store.AddSpans);
        var logs = Replay(connection, runId, "logs", StoredTelemetryJson.Default.LogEntry, store.AddLogs);
        var points = Replay(connection, runId, "metric_points", StoredTelemetryJson.Default.MetricPoint, store.AddMetricPoints);
        return (spans.Loaded + logs.Loaded + points.Loaded, spans.Unreadable + logs.Unreadable + points.Unreadable);
    }

    private static (int Loaded, int Unreadable) Replay<T>(
        SqliteConnection connection, string runId, string table, JsonTypeInfo<T> json, Action<IEnumerable<T>> add)
        where T : class
    {
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT json FROM {table} WHERE run_id = $run ORDER BY seq";
        command.Parameters.AddWithValue("$run", runId);
        using var reader = command.ExecuteReader();
        var chunk = new List<T>(ChunkSize);
        var (loaded, unreadable) = (0, 0);
        while (reader.Read())
        {
            if (TryDeserialize(reader.GetString(0), json) is { } item)
            {
                chunk.Add(item);
                loaded++;
            }
            else
            {
                unreadable++;
            }

            if (chunk.Count == ChunkSize)
            {
                add(chunk);
                chunk = new List<T>(ChunkSize);
            }
        }

        if (chunk.Count > 0)
        {
            add(chunk);
        }

        return (loaded, unreadable);
    }

    private static T? TryDeserialize<T>(string text, JsonTypeInfo<T> json) where T : class
    {
        try
        {
            return JsonSerializer.Deserialize(text, json);
        }
        catch (JsonException)
        {
            return null; // counted by the caller and reported once per load, not per row
        }
    }
}
