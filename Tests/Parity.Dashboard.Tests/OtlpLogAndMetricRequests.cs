using Parity.Dashboard.Protocol.Collector.Logs;
using Parity.Dashboard.Protocol.Collector.Metrics;
using Parity.Dashboard.Protocol.Common;
using Parity.Dashboard.Protocol.Logs;
using Parity.Dashboard.Protocol.Metrics;
using Parity.Dashboard.Protocol.Resource;

namespace Parity.Dashboard.Tests;

/// <summary>Hand-built OTLP log and metric messages, companions of <see cref="OtlpRequests"/>.</summary>
public static class OtlpLogAndMetricRequests
{
    public static ExportLogsServiceRequest Logs(string service, params string[] bodies)
    {
        var now = (ulong)DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() * 1_000_000;
        var scopeLogs = new ScopeLogs();
        scopeLogs.LogRecords.Add(bodies.Select((body, n) => new LogRecord
        {
            TimeUnixNano = now + (ulong)n,
            SeverityNumber = SeverityNumber.Info,
            SeverityText = "Information",
            Body = new AnyValue { StringValue = body },
        }));
        var resourceLogs = new ResourceLogs { Resource = Resource(service) };
        resourceLogs.ScopeLogs.Add(scopeLogs);
        var request = new ExportLogsServiceRequest();
        request.ResourceLogs.Add(resourceLogs);
        return request;
    }

    /// <summary>One gauge whose points carry the given values, in order.</summary>
    public static ExportMetricsServiceRequest Gauge(string service, string instrument, params double[] values)
    {
        var now = (ulong)DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() * 1_000_000;
        var gauge = new Gauge();
        gauge.DataPoints.Add(values.Select((value, n) => new NumberDataPoint { TimeUnixNano = now + (ulong)n, AsDouble = value }));
        var scopeMetrics = new ScopeMetrics();
        scopeMetrics.Metrics.Add(new Metric { Name = instrument, Unit = "1", Gauge = gauge });
        var resourceMetrics = new ResourceMetrics { Resource = Resource(service) };
        resourceMetrics.ScopeMetrics.Add(scopeMetrics);
        var request = new ExportMetricsServiceRequest();
        request.ResourceMetrics.Add(resourceMetrics);
        return request;
    }

    private static Resource Resource(string service)
    {
        var resource = new Resource();
        resource.Attributes.Add(new KeyValue { Key = "service.name", Value = new AnyValue { StringValue = service } });
        return resource;
    }
}
