using Parity.Dashboard.Storage;

namespace Parity.Dashboard.Tests;

public sealed class InMemoryTelemetryStoreTests
{
    private static readonly Dictionary<string, string> NoAttributes = [];

    [Fact]
    public void Logs_and_metric_points_beyond_their_caps_evict_the_oldest()
    {
        var store = new InMemoryTelemetryStore(maxTraces: 10, maxLogs: 3, maxMetricPoints: 2);

        store.AddLogs(Enumerable.Range(1, 5).Select(n => new LogEntry(
            DateTimeOffset.UnixEpoch.AddSeconds(n), "Information", 9, $"log {n}", "svc", NoAttributes, null, null)));
        store.AddMetricPoints(Enumerable.Range(1, 5).Select(n => new MetricPoint(
            "svc", "requests", "1", MetricKind.Sum, DateTimeOffset.UnixEpoch.AddSeconds(n), NoAttributes, n)));

        Assert.Equal(["log 3", "log 4", "log 5"], store.GetLogs(new LogQuery(null, 0, null, 100)).Select(l => l.Body));
        Assert.Equal([4.0, 5.0], store.GetMetricPoints(null).Select(p => p.Value!.Value));
    }

    [Fact]
    public async Task Concurrent_writers_never_exceed_the_trace_cap()
    {
        var store = new InMemoryTelemetryStore(maxTraces: 50, maxLogs: 10, maxMetricPoints: 10);

        await Task.WhenAll(Enumerable.Range(0, 4).Select(writer => Task.Run(() =>
        {
            for (var n = 0; n < 1_000; n++)
            {
                store.AddSpans([Span($"{writer:x4}{n:x28}")]);
            }
        }, TestContext.Current.CancellationToken)));

        Assert.Equal(50, store.TraceCount);
    }

    [Fact]
    public void Every_resource_that_sent_telemetry_is_named_once()
    {
        var store = new InMemoryTelemetryStore(maxTraces: 10, maxLogs: 10, maxMetricPoints: 10);

        store.AddSpans([Span("t1", "orders"), Span("t2", "gateway")]);
        store.AddLogs([new LogEntry(DateTimeOffset.UnixEpoch, "Information", 9, "hi", "customers", NoAttributes, null, null)]);
        store.AddMetricPoints([new MetricPoint("orders", "requests", "1", MetricKind.Sum, DateTimeOffset.UnixEpoch, NoAttributes, 1)]);

        Assert.Equal(["customers", "gateway", "orders"], store.ResourceNames);
    }

    private static SpanRecord Span(string traceId, string resource = "svc") =>
        new(traceId, "0000000000000001", null, "op", "Internal", resource, DateTimeOffset.UtcNow, 1, "Unset", false, NoAttributes, []);
}
