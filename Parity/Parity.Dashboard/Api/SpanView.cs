using Parity.Dashboard.Storage;

namespace Parity.Dashboard.Api;

public sealed record SpanView(
    string SpanId,
    string? ParentSpanId,
    string Name,
    string Kind,
    string Resource,
    DateTimeOffset StartTime,
    double DurationMs,
    bool HasError,
    IReadOnlyDictionary<string, string> Attributes,
    IReadOnlyList<SpanEventRecord> Events)
{
    public static SpanView From(SpanRecord span) => new(
        span.SpanId, span.ParentSpanId, span.Name, span.Kind, span.Resource, span.StartTime, span.DurationMs,
        span.HasError, span.Attributes, span.Events);
}
