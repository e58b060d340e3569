namespace Parity.Dashboard.Storage;

/// <summary>The spans received so far for one trace id.</summary>
public sealed record TraceRecord(string TraceId, IReadOnlyList<SpanRecord> Spans)
{
    public SpanRecord? Root => Spans.FirstOrDefault(s => s.ParentSpanId is null) ?? Spans.MinBy(s => s.StartTime);

    public DateTimeOffset StartTime => Spans.Min(s => s.StartTime);

    public double DurationMs => (Spans.Max(s => s.StartTime.AddMilliseconds(s.DurationMs)) - StartTime).TotalMilliseconds;

    public bool HasError => Spans.Any(s => s.HasError);
}
