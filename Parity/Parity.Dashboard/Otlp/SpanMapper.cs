using Parity.Dashboard.Protocol.Collector.Trace;
using Parity.Dashboard.Protocol.Trace;
using Parity.Dashboard.Storage;

namespace Parity.Dashboard.Otlp;

public static class SpanMapper
{
    public static IEnumerable<SpanRecord> Map(ExportTraceServiceRequest request)
    {
        foreach (var resourceSpans in request.ResourceSpans)
        {
            var resource = OtlpValues.ServiceName(resourceSpans.Resource);
            foreach (var span in resourceSpans.ScopeSpans.SelectMany(scope => scope.Spans))
            {
                yield return Map(span, resource);
            }
        }
    }

    private static SpanRecord Map(Span span, string resource)
    {
        var durationNanos = span.EndTimeUnixNano > span.StartTimeUnixNano ? span.EndTimeUnixNano - span.StartTimeUnixNano : 0;
        var statusCode = span.Status?.Code ?? Status.Types.StatusCode.Unset;
        return new SpanRecord(
            TraceId: OtlpValues.ToHexId(span.TraceId) ?? string.Empty,
            SpanId: OtlpValues.ToHexId(span.SpanId) ?? string.Empty,
            ParentSpanId: OtlpValues.ToHexId(span.ParentSpanId),
            Name: SharedStrings.Share(span.Name),
            Kind: span.Kind.ToString(),
            Resource: resource,
            StartTime: OtlpValues.FromUnixNanos(span.StartTimeUnixNano),
            DurationMs: durationNanos / 1_000_000.0,
            Status: statusCode.ToString(),
            HasError: statusCode == Status.Types.StatusCode.Error,
            Attributes: OtlpValues.ToDictionary(span.Attributes),
            Events: span.Events.Count == 0 ? [] : [.. span.Events.Select(e => new SpanEventRecord(
                SharedStrings.Share(e.Name), OtlpValues.FromUnixNanos(e.TimeUnixNano), OtlpValues.ToDictionary(e.Attributes)))]);
    }
}
