namespace Parity.Dashboard.Storage;

/// <summary>
/// One data point; <see cref="Value"/> for sums and gauges, the histogram fields otherwise.
/// <see cref="IsDelta"/>: the point counts since the previous export rather than since the start (cumulative).
/// </summary>
public sealed record MetricPoint(
    string Resource,
    string Instrument,
    string Unit,
    MetricKind Kind,
    DateTimeOffset Timestamp,
    IReadOnlyDictionary<string, string> Attributes,
    double? Value,
    ulong? Count = null,
    double? Sum = null,
    IReadOnlyList<ulong>? BucketCounts = null,
    IReadOnlyList<double>? ExplicitBounds = null,
    bool IsMonotonic = false,
    bool IsDelta = false);
