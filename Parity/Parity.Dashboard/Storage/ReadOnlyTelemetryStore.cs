namespace Parity.Dashboard.Storage;

/// <summary>A past run's telemetry, loaded from the storage file: it can be read, and no longer receives anything.</summary>
public sealed class ReadOnlyTelemetryStore(ITelemetryStore loaded) : ITelemetryStore
{
    public long Version => loaded.Version;

    public int TraceCount => loaded.TraceCount;

    public IReadOnlyList<string> ResourceNames => loaded.ResourceNames;

    public void AddSpans(IEnumerable<SpanRecord> spans) => throw PastRun();

    public void AddLogs(IEnumerable<LogEntry> logs) => throw PastRun();

    public void AddMetricPoints(IEnumerable<MetricPoint> points) => throw PastRun();

    public IReadOnlyList<TraceRecord> GetTraces(string? resource, int limit) => loaded.GetTraces(resource, limit);

    public TraceRecord? GetTrace(string traceId) => loaded.GetTrace(traceId);

    public IReadOnlyList<LogEntry> GetLogs(LogQuery query) => loaded.GetLogs(query);

    public IReadOnlyList<MetricPoint> GetMetricPoints(string? resource) => loaded.GetMetricPoints(resource);

    private static InvalidOperationException PastRun() => new("A past run's telemetry cannot change; only the current run receives telemetry.");
}
