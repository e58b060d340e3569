using System.Text.Json;
using Parity.Dashboard.Storage;

namespace Parity.Dashboard.Tests;

public sealed class StoredTelemetryRoundTripTests
{
    [Fact]
    public void Records_read_back_from_the_file_equal_the_ones_written()
    {
        using var folder = new TemporaryFolder();
        var start = new DateTimeOffset(2025, 1, 2, 3, 4, 5, TimeSpan.Zero).AddTicks(1234);
        var span = new SpanRecord(
            "0af7651916cd43dd8448eb211c80319c", "b7ad6b7169203331", "00f067aa0ba902b7", "GET /orders", "Server", "orders",
            start, 12.5, "Error", true, new Dictionary<string, string> { ["http.route"] = "/orders" },
            [new SpanEventRecord("exception", start.AddMilliseconds(3), new Dictionary<string, string> { ["exception.type"] = "Boom" })]);
        var log = new LogEntry(start, "Warning", 13, "slow", "orders", new Dictionary<string, string> { ["k"] = "v" }, span.TraceId, span.SpanId);
        var histogram = new MetricPoint(
            "orders", "latency", "ms", MetricKind.Histogram, start, new Dictionary<string, string>(), null,
            Count: 3, Sum: double.NaN, BucketCounts: [1, 2], ExplicitBounds: [10.0, double.PositiveInfinity]);
        var gauge = new MetricPoint("orders", "queue", "1", MetricKind.Gauge, start, new Dictionary<string, string>(), -0.5);

        var reloaded = new InMemoryTelemetryStore(10, 10, 10);
        using (var connection = TelemetryDatabase.Open(folder.File("telemetry.db")))
        {
            using (var writer = new RunRowWriter(connection, "r1"))
            {
                writer.Write([span], [log], [histogram, gauge]);
            }

            Assert.Equal((4, 0), RunRowLoader.Load(connection, "r1", reloaded));
        }

        Assert.Equal(Json(span), Json(Assert.Single(reloaded.GetTrace(span.TraceId)!.Spans)));
        Assert.Equal(Json(log), Json(Assert.Single(reloaded.GetLogs(new LogQuery(null, 0, null, 10)))));
        Assert.Equal([Json(histogram), Json(gauge)], reloaded.GetMetricPoints(null).Select(Json));
    }

    [Fact]
    public void Rows_that_do_not_match_the_record_shape_are_skipped_and_counted()
    {
        using var folder = new TemporaryFolder();
        using var connection = TelemetryDatabase.Open(folder.File("telemetry.db"));
        TelemetryDatabase.Execute(connection, """
            INSERT INTO logs (run_id, json) VALUES ('r1', '{"Body": "no timestamp nor resource"}'), ('r1', 'not json');
            """);
        using (var writer = new RunRowWriter(connection, "r1"))
        {
            writer.Write([], [new LogEntry(DateTimeOffset.UnixEpoch, "Information", 9, "fine", "svc", new Dictionary<string, string>(), null, null)], []);
        }

        var reloaded = new InMemoryTelemetryStore(10, 10, 10);

        Assert.Equal((1, 2), RunRowLoader.Load(connection, "r1", reloaded));
        Assert.Equal("fine", Assert.Single(reloaded.GetLogs(new LogQuery(null, 0, null, 10))).Body);
    }

    private static string Json<T>(T record) => JsonSerializer.Serialize(record, typeof(T), StoredTelemetryJson.Default);
}
