namespace Parity.Dashboard.Storage;

/// <summary>
/// The current run's store when telemetry is persisted: queries are served from memory, and every item added is also
/// queued for the storage file.
/// </summary>
public sealed class PersistedTelemetryStore(ITelemetryStore memory, TelemetryWriter writer) : ITelemetryStore
{
    public long Version => memory.Version;

    public int TraceCount => memory.TraceCount;

    public IReadOnlyList<string> ResourceNames => memory.ResourceNames;

    public void AddSpans(IEnumerable<SpanRecord> spans)
    {
        // Materialized once: the receivers hand over lazy sequences, and both destinations read them.
        SpanRecord[] batch = [.. spans];
        memory.AddSpans(batch);
        writer.Enqueue(batch);
    }

    public void AddLogs(IEnumerable<LogEntry> logs)
    {
        LogEntry[] batch = [.. logs];
        memory.AddLogs(batch);
        writer.Enqueue(batch);
    }

    public void AddMetricPoints(IEnumerable<MetricPoint> points)
    {
        MetricPoint[] batch = [.. points];
        memory.AddMetricPoints(batch);
        writer.Enqueue(batch);
    }

    public IReadOnlyList<TraceRecord> GetTraces(string? resource, int limit) => memory.GetTraces(resource, limit);

    public TraceRecord? GetTrace(string traceId) => memory.GetTrace(traceId);

    public IReadOnlyList<LogEntry> GetLogs(LogQuery query) => memory.GetLogs(query);

    public IReadOnlyList<MetricPoint> GetMetricPoints(string? resource) => memory.GetMetricPoints(resource);
}
