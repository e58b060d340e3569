using Parity.Dashboard.Storage;
using Parity.Dashboard.Telemetry;

namespace Parity.Dashboard.Tests;

public sealed class WaterfallRowTests
{
    private static readonly DateTimeOffset T0 = new(2026, 1, 1, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void SpansAreLaidOutInCallOrderOnTheTracesTimeLine()
    {
        var trace = new TraceRecord("t",
        [
            Span("publish", parent: "root", startMs: 50, durationMs: 10, resource: "orders"),
            Span("root", parent: null, startMs: 0, durationMs: 100, resource: "gateway"),
            Span("consume", parent: "publish", startMs: 70, durationMs: 30, resource: "customers"),
            Span("call", parent: "root", startMs: 10, durationMs: 20, resource: "orders"),
            Span("late", parent: "not-received", startMs: 90, durationMs: 10, resource: "notifications"),
        ]);

        var rows = WaterfallRow.Layout(trace);

        Assert.Equal(["root", "call", "publish", "consume", "late"], rows.Select(r => r.Span.SpanId));
        Assert.Equal([0, 1, 1, 2, 0], rows.Select(r => r.Depth));
        Assert.Equal(70, rows[3].OffsetPercent, 6);
        Assert.Equal(30, rows[3].WidthPercent, 6);
    }

    private static SpanRecord Span(string id, string? parent, double startMs, double durationMs, string resource) => new(
        "t", id, parent, id, "Internal", resource, T0.AddMilliseconds(startMs), durationMs, "Unset", HasError: false,
        new Dictionary<string, string>(), []);
}
