using Parity.Dashboard.Storage;

namespace Parity.Dashboard.Telemetry;

/// <summary>One span of a trace laid out on the trace's time line, in percent of the trace's duration.</summary>
public sealed record WaterfallRow(SpanRecord Span, int Depth, double OffsetPercent, double WidthPercent)
{
    /// <summary>Spans in call order: each parent followed by its children by start time; orphans (parent not received) as roots.</summary>
    public static IReadOnlyList<WaterfallRow> Layout(TraceRecord trace)
    {
        var start = trace.StartTime;
        var total = Math.Max(trace.DurationMs, 0.001);
        var ids = trace.Spans.Select(s => s.SpanId).ToHashSet();
        var children = trace.Spans
            .Where(s => s.ParentSpanId is not null && ids.Contains(s.ParentSpanId))
            .ToLookup(s => s.ParentSpanId!);
        var rows = new List<WaterfallRow>(trace.Spans.Count);

        void Visit(SpanRecord span, int depth)
        {
            var offset = (span.StartTime - start).TotalMilliseconds / total * 100;
            rows.Add(new WaterfallRow(span, depth, offset, Math.Clamp(span.DurationMs / total * 100, 0.2, 100 - offset)));
            foreach (var child in children[span.SpanId].OrderBy(s => s.StartTime))
            {
                Visit(child, depth + 1);
            }
        }

        foreach (var root in trace.Spans.Where(s => s.ParentSpanId is null || !ids.Contains(s.ParentSpanId)).OrderBy(s => s.StartTime))
        {
            Visit(root, 0);
        }

        return rows;
    }
}
