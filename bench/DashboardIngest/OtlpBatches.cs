using Google.Protobuf;
using Parity.Dashboard.Protocol.Collector.Logs;
using Parity.Dashboard.Protocol.Collector.Metrics;
using Parity.Dashboard.Protocol.Collector.Trace;
using Parity.Dashboard.Protocol.Common;
using Parity.Dashboard.Protocol.Logs;
using Parity.Dashboard.Protocol.Metrics;
using Parity.Dashboard.Protocol.Resource;
using Parity.Dashboard.Protocol.Trace;

/// <summary>OTLP requests shaped like a web service's: every span batch brings new traces of 8 spans each.</summary>
static class OtlpBatches
{
    public const int SpansPerTrace = 8;

    private static long s_nextTrace;

    /// <summary>A batch of <paramref name="spans"/> spans (a multiple of 8); returns the id of its last trace too.</summary>
    public static (ExportTraceServiceRequest Request, string LastTraceId) Spans(int spans)
    {
        var scope = new ScopeSpans();
        var now = Now();
        var lastTraceId = "";
        for (var trace = 0; trace < spans / SpansPerTrace; trace++)
        {
            var traceId = new byte[16];
            BitConverter.TryWriteBytes(traceId.AsSpan(8), Interlocked.Increment(ref s_nextTrace));
            lastTraceId = Convert.ToHexStringLower(traceId);
            for (var n = 0; n < SpansPerTrace; n++)
            {
                var span = new Span
                {
                    TraceId = UnsafeByteOperations.UnsafeWrap(traceId),
                    SpanId = ByteString.CopyFrom(BitConverter.GetBytes((long)n + 1)),
                    Name = n == 0 ? "GET /api/orders/{id}" : $"SELECT orders {n}",
                    Kind = n == 0 ? Span.Types.SpanKind.Server : Span.Types.SpanKind.Client,
                    StartTimeUnixNano = now + (ulong)n * 1_000,
                    EndTimeUnixNano = now + 5_000_000,
                };
                if (n > 0)
                {
                    span.ParentSpanId = ByteString.CopyFrom(BitConverter.GetBytes(1L));
                }

                span.Attributes.Add(Attribute("http.request.method", "GET"));
                span.Attributes.Add(Attribute("url.path", $"/api/orders/{trace}"));
                span.Attributes.Add(Attribute("http.response.status_code", "200"));
                span.Attributes.Add(Attribute("server.address", "localhost"));
                scope.Spans.Add(span);
            }
        }

        var resourceSpans = new ResourceSpans { Resource = Resource() };
        resourceSpans.ScopeSpans.Add(scope);
        var request = new ExportTraceServiceRequest();
        request.ResourceSpans.Add(resourceSpans);
        return (request, lastTraceId);
    }

    public static ExportLogsServiceRequest Logs(int count)
    {
        var scope = new ScopeLogs();
        var now = Now();
        for (var n = 0; n < count; n++)
        {
            var log = new LogRecord
            {
                TimeUnixNano = now + (ulong)n,
                SeverityNumber = SeverityNumber.Info,
                SeverityText = "Information",
                Body = new AnyValue { StringValue = $"Order {n} placed for customer {n % 97}" },
            };
            log.Attributes.Add(Attribute("order.id", n.ToString(System.Globalization.CultureInfo.InvariantCulture)));
            log.Attributes.Add(Attribute("category", "Orders.Api"));
            scope.LogRecords.Add(log);
        }

        var resourceLogs = new ResourceLogs { Resource = Resource() };
        resourceLogs.ScopeLogs.Add(scope);
        var request = new ExportLogsServiceRequest();
        request.ResourceLogs.Add(resourceLogs);
        return request;
    }

    public static ExportMetricsServiceRequest MetricPoints(int count)
    {
        var sum = new Sum { IsMonotonic = true, AggregationTemporality = AggregationTemporality.Cumulative };
        var now = Now();
        for (var n = 0; n < count; n++)
        {
            var point = new NumberDataPoint { TimeUnixNano = now + (ulong)n, AsDouble = n };
            point.Attributes.Add(Attribute("http.route", $"/api/route/{n % 16}"));
            sum.DataPoints.Add(point);
        }

        var scope = new ScopeMetrics();
        scope.Metrics.Add(new Metric { Name = "http.server.requests", Unit = "{request}", Sum = sum });
        var resourceMetrics = new ResourceMetrics { Resource = Resource() };
        resourceMetrics.ScopeMetrics.Add(scope);
        var request = new ExportMetricsServiceRequest();
        request.ResourceMetrics.Add(resourceMetrics);
        return request;
    }

    private static ulong Now() => (ulong)DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() * 1_000_000;

    private static Resource Resource()
    {
        var resource = new Resource();
        resource.Attributes.Add(Attribute("service.name", "bench-orders"));
        return resource;
    }

    private static KeyValue Attribute(string key, string value) => new() { Key = key, Value = new AnyValue { StringValue = value } };
}
