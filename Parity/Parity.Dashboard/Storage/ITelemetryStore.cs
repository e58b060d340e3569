namespace Parity.Dashboard.Storage;

/// <summary>Where received telemetry lives; implementations must be thread-safe and bounded.</summary>
public interface ITelemetryStore
{
    void AddSpans(IEnumerable<SpanRecord> spans);

    void AddLogs(IEnumerable<LogEntry> logs);

    void AddMetricPoints(IEnumerable<MetricPoint> points);

    /// <summary>Grows with every item added, so that a page can tell when to refresh.</summary>
    long Version { get; }

    /// <summary>Newest first.</summary>
    IReadOnlyList<TraceRecord> GetTraces(string? resource, int limit);

    TraceRecord? GetTrace(string traceId);

    int TraceCount { get; }

    /// <summary>Every resource that sent this store telemetry, by name.</summary>
    IReadOnlyList<string> ResourceNames { get; }

    /// <summary>Oldest first, the newest <see cref="LogQuery.Limit"/> matches.</summary>
    IReadOnlyList<LogEntry> GetLogs(LogQuery query);

    IReadOnlyList<MetricPoint> GetMetricPoints(string? resource);
}
