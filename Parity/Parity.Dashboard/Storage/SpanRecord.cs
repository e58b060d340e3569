namespace Parity.Dashboard.Storage;

public sealed record SpanRecord(
    string TraceId,
    string SpanId,
    string? ParentSpanId,
    string Name,
    string Kind,
    string Resource,
    DateTimeOffset StartTime,
    double DurationMs,
    string Status,
    bool HasError,
    IReadOnlyDictionary<string, string> Attributes,
    IReadOnlyList<SpanEventRecord> Events);
