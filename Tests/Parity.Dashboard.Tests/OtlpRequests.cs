using Google.Protobuf;
using Parity.Dashboard.Protocol.Collector.Trace;
using Parity.Dashboard.Protocol.Common;
using Parity.Dashboard.Protocol.Resource;
using Parity.Dashboard.Protocol.Trace;

namespace Parity.Dashboard.Tests;

/// <summary>Hand-built OTLP messages for tests that talk to the receivers directly.</summary>
public static class OtlpRequests
{
    public static ExportTraceServiceRequest SingleSpanTrace(string traceIdHex, string service = "raw-sender", string name = "work")
    {
        var start = (ulong)DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() * 1_000_000;
        var span = new Span
        {
            TraceId = ByteString.CopyFrom(Convert.FromHexString(traceIdHex)),
            SpanId = ByteString.CopyFrom(Convert.FromHexString(traceIdHex[..16])),
            Name = name,
            Kind = Span.Types.SpanKind.Internal,
            StartTimeUnixNano = start,
            EndTimeUnixNano = start + 5_000_000,
        };
        var resource = new Resource();
        resource.Attributes.Add(new KeyValue { Key = "service.name", Value = new AnyValue { StringValue = service } });
        var scopeSpans = new ScopeSpans();
        scopeSpans.Spans.Add(span);
        var resourceSpans = new ResourceSpans { Resource = resource };
        resourceSpans.ScopeSpans.Add(scopeSpans);
        var request = new ExportTraceServiceRequest();
        request.ResourceSpans.Add(resourceSpans);
        return request;
    }

    public static string TraceId(int n) => n.ToString("x32");
}
