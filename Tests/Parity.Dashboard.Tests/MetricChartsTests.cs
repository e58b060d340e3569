using Parity.Dashboard.Storage;
using Parity.Dashboard.Telemetry;

namespace Parity.Dashboard.Tests;

public sealed class MetricChartsTests
{
    private static readonly DateTimeOffset T0 = new(2026, 1, 1, 12, 0, 0, TimeSpan.Zero);
    private static readonly double[] Bounds = [10, 20, 40];

    [Fact]
    public void TheQuantileIsInterpolatedInsideItsBucket()
    {
        // 10 measurements in (10, 20], 10 in (20, 40]: the median is the top of the first of those buckets.
        double[] counts = [0, 10, 10, 0];
        Assert.Equal(20, MetricCharts.Quantile(Bounds, counts, 0.5), 6);
        Assert.Equal(15, MetricCharts.Quantile(Bounds, counts, 0.25), 6);
        Assert.Equal(36, MetricCharts.Quantile(Bounds, counts, 0.9), 6);
        Assert.Equal(40, MetricCharts.Quantile(Bounds, [0, 0, 0, 5], 0.99), 6); // overflow bucket: its lower bound
    }

    [Fact]
    public void RatesComeFromDifferencesBetweenCumulativeExportsAddedUpOverSeries()
    {
        MetricPoint[] points =
        [
            Histogram("GET", T0, count: 10, [0, 10, 0, 0]),
            Histogram("GET", T0.AddSeconds(2), count: 30, [0, 10, 20, 0]),
            Histogram("POST", T0, count: 0, [0, 0, 0, 0]),
            Histogram("POST", T0.AddSeconds(2), count: 4, [4, 0, 0, 0]),
        ];

        var rate = Assert.Single(MetricCharts.Rate(points)).Points;
        Assert.Equal([new ChartPoint(T0.AddSeconds(2), 12)], rate); // (20 + 4) over 2 s

        var percentiles = MetricCharts.Percentiles(points, scale: 1);
        Assert.Equal(["p50", "p90", "p99"], percentiles.Select(p => p.Name));
        // Between the exports: 4 in [0, 10], 20 in (20, 40]; the 12th of 24 is the 8th of 20 spread over (20, 40].
        Assert.Equal(28, Assert.Single(percentiles[0].Points).Value, 6);
    }

    [Fact]
    public void ACounterThatGoesDownRestartedAndCountsFromZero()
    {
        MetricPoint[] points =
        [
            Counter(T0, 100),
            Counter(T0.AddSeconds(1), 110),
            Counter(T0.AddSeconds(2), 3),
        ];

        Assert.Equal([10.0, 3.0], Assert.Single(MetricCharts.Rate(points)).Points.Select(p => p.Value));
    }

    private static MetricPoint Histogram(string method, DateTimeOffset time, ulong count, ulong[] buckets) => new(
        "api", "http.server.request.duration", "ms", MetricKind.Histogram, time,
        new Dictionary<string, string> { ["http.request.method"] = method }, Value: null, count, Sum: null, buckets, Bounds, IsMonotonic: true);

    private static MetricPoint Counter(DateTimeOffset time, double value) => new(
        "api", "requests", "{request}", MetricKind.Sum, time, new Dictionary<string, string>(), value, IsMonotonic: true);
}
