using Parity.Dashboard.Storage;

namespace Parity.Dashboard.Api;

public sealed record MetricPointView(
    DateTimeOffset Timestamp,
    IReadOnlyDictionary<string, string> Attributes,
    double? Value,
    ulong? Count,
    double? Sum,
    IReadOnlyList<ulong>? BucketCounts,
    IReadOnlyList<double>? ExplicitBounds)
{
    public static MetricPointView From(MetricPoint point) =>
        new(point.Timestamp, point.Attributes, point.Value, point.Count, point.Sum, point.BucketCounts, point.ExplicitBounds);
}
