using Parity.Dashboard.Storage;

namespace Parity.Dashboard.Telemetry;

/// <summary>
/// Turns the cumulative points of one instrument into what a chart shows: the rate per second of a counter or of a
/// histogram's measurements, the p50/p90/p99 of a histogram between exports, and a gauge as it is.
/// Each attribute set is a series of its own; the charts add them up.
/// </summary>
public static class MetricCharts
{
    public static IReadOnlyList<ChartSeries> Rate(IEnumerable<MetricPoint> points) =>
    [
        new("per second", Sum(Intervals(points).Select(i => new ChartPoint(i.End.Timestamp, i.Measurements / i.Seconds)))),
    ];

    /// <summary>A gauge, or a sum that goes up and down: one line per attribute set (the first few).</summary>
    public static IReadOnlyList<ChartSeries> Values(IEnumerable<MetricPoint> points) =>
        [.. points.Where(p => p.Value is not null).GroupBy(SeriesKey).Take(6).Select(series => new ChartSeries(
            series.Key.Length == 0 ? "value" : series.Key,
            [.. series.OrderBy(p => p.Timestamp).Select(p => new ChartPoint(p.Timestamp, p.Value!.Value))]))];

    public static IReadOnlyList<ChartSeries> Percentiles(IEnumerable<MetricPoint> points, double scale)
    {
        var byTime = Intervals(points)
            .Where(i => i.Buckets is not null)
            .GroupBy(i => Slot(i.End.Timestamp))
            .OrderBy(g => g.Key)
            .Select(g => (Time: g.Key, Bounds: g.First().End.ExplicitBounds!, Buckets: AddUp(g.Select(i => i.Buckets!))))
            .ToList();
        return [.. new[] { 0.5, 0.9, 0.99 }.Select(q => new ChartSeries(
            $"p{q * 100:0}",
            [.. byTime.Where(t => t.Buckets.Sum() > 0).Select(t => new ChartPoint(t.Time, Quantile(t.Bounds, t.Buckets, q) * scale))]))];
    }

    /// <summary>The value below which a fraction <paramref name="q"/> of the counted measurements fall, interpolated inside its bucket.</summary>
    public static double Quantile(IReadOnlyList<double> bounds, IReadOnlyList<double> counts, double q)
    {
        var total = counts.Sum();
        var rank = q * total;
        var seen = 0.0;
        for (var i = 0; i < counts.Count; i++)
        {
            if (counts[i] > 0 && seen + counts[i] >= rank)
            {
                var lower = i == 0 ? 0 : bounds[i - 1];
                if (i >= bounds.Count)
                {
                    return lower; // the overflow bucket has no upper bound
                }

                return lower + ((bounds[i] - lower) * ((rank - seen) / counts[i]));
            }

            seen += counts[i];
        }

        return bounds.Count > 0 ? bounds[^1] : 0;
    }

    private sealed record Interval(MetricPoint End, double Seconds, double Measurements, double[]? Buckets);

    /// <summary>
    /// What each series counted between successive exports: a delta point as it is, else the difference from the
    /// previous cumulative point (a smaller total means the process restarted).
    /// </summary>
    private static IEnumerable<Interval> Intervals(IEnumerable<MetricPoint> points)
    {
        foreach (var series in points.GroupBy(SeriesKey))
        {
            MetricPoint? previous = null;
            foreach (var point in series.OrderBy(p => p.Timestamp))
            {
                if (previous is not null && point.Timestamp > previous.Timestamp)
                {
                    var restarted = point.IsDelta || Total(point) < Total(previous);
                    yield return new Interval(
                        point,
                        (point.Timestamp - previous.Timestamp).TotalSeconds,
                        restarted ? Total(point) : Total(point) - Total(previous),
                        point.BucketCounts is null ? null
                            : [.. point.BucketCounts.Select((c, i) => restarted || previous.BucketCounts is null || i >= previous.BucketCounts.Count
                                ? c : (double)(c - Math.Min(c, previous.BucketCounts[i])))]);
                }

                previous = point;
            }
        }
    }

    private static double Total(MetricPoint point) => point.Count ?? point.Value ?? 0;

    private static string SeriesKey(MetricPoint point) =>
        string.Join(',', point.Attributes.OrderBy(a => a.Key, StringComparer.Ordinal).Select(a => $"{a.Key}={a.Value}"));

    // Series export together but not at the same instant; a second is finer than any export interval.
    private static DateTimeOffset Slot(DateTimeOffset time) => new(time.Ticks - (time.Ticks % TimeSpan.TicksPerSecond), time.Offset);

    private static IReadOnlyList<ChartPoint> Sum(IEnumerable<ChartPoint> points) =>
        [.. points.GroupBy(p => Slot(p.Time)).OrderBy(g => g.Key).Select(g => new ChartPoint(g.Key, g.Sum(p => p.Value)))];

    private static double[] AddUp(IEnumerable<double[]> bucketSets)
    {
        double[]? total = null;
        foreach (var buckets in bucketSets)
        {
            total ??= new double[buckets.Length];
            for (var i = 0; i < Math.Min(total.Length, buckets.Length); i++)
            {
                total[i] += buckets[i];
            }
        }

        return total ?? [];
    }
}
