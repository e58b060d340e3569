using Parity.Dashboard.Storage;

namespace Parity.Dashboard.Api;

public sealed record TraceView(
    string TraceId, string Name, DateTimeOffset StartTime, double DurationMs, bool HasError, IReadOnlyList<SpanView> Spans)
{
    public static TraceView From(TraceRecord trace) => new(
        trace.TraceId,
        trace.Root?.Name ?? string.Empty,
        trace.StartTime,
        trace.DurationMs,
        trace.HasError,
        [.. trace.Spans.OrderBy(s => s.StartTime).Select(SpanView.From)]);
}
