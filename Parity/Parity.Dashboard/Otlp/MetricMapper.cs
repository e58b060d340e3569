using Parity.Dashboard.Protocol.Collector.Metrics;
using Parity.Dashboard.Protocol.Metrics;
using Parity.Dashboard.Storage;

namespace Parity.Dashboard.Otlp;

public static class MetricMapper
{
    public static IEnumerable<MetricPoint> Map(ExportMetricsServiceRequest request)
    {
        foreach (var resourceMetrics in request.ResourceMetrics)
        {
            var resource = OtlpValues.ServiceName(resourceMetrics.Resource);
            foreach (var metric in resourceMetrics.ScopeMetrics.SelectMany(scope => scope.Metrics))
            {
                foreach (var point in Map(metric, resource))
                {
                    yield return point;
                }
            }
        }
    }

    private static IEnumerable<MetricPoint> Map(Metric metric, string resource) => metric.DataCase switch
    {
        Metric.DataOneofCase.Gauge => metric.Gauge.DataPoints.Select(p => Number(metric, resource, MetricKind.Gauge, p)),
        Metric.DataOneofCase.Sum => metric.Sum.DataPoints.Select(p => Number(metric, resource, MetricKind.Sum, p) with
        {
            IsMonotonic = metric.Sum.IsMonotonic,
            IsDelta = metric.Sum.AggregationTemporality == AggregationTemporality.Delta,
        }),
        Metric.DataOneofCase.Histogram => metric.Histogram.DataPoints.Select(p => new MetricPoint(
            resource, SharedStrings.Share(metric.Name), SharedStrings.Share(metric.Unit), MetricKind.Histogram, OtlpValues.FromUnixNanos(p.TimeUnixNano),
            OtlpValues.ToDictionary(p.Attributes), Value: null, p.Count, p.HasSum ? p.Sum : null,
            [.. p.BucketCounts], [.. p.ExplicitBounds],
            IsMonotonic: true, IsDelta: metric.Histogram.AggregationTemporality == AggregationTemporality.Delta)),
        Metric.DataOneofCase.ExponentialHistogram => metric.ExponentialHistogram.DataPoints.Select(p => new MetricPoint(
            resource, SharedStrings.Share(metric.Name), SharedStrings.Share(metric.Unit), MetricKind.ExponentialHistogram, OtlpValues.FromUnixNanos(p.TimeUnixNano),
            OtlpValues.ToDictionary(p.Attributes), Value: null, p.Count, p.HasSum ? p.Sum : null)),
        Metric.DataOneofCase.Summary => metric.Summary.DataPoints.Select(p => new MetricPoint(
            resource, SharedStrings.Share(metric.Name), SharedStrings.Share(metric.Unit), MetricKind.Summary, OtlpValues.FromUnixNanos(p.TimeUnixNano),
            OtlpValues.ToDictionary(p.Attributes), Value: null, p.Count, p.Sum)),
        _ => [],
    };

    private static MetricPoint Number(Metric metric, string resource, MetricKind kind, NumberDataPoint point) => new(
        resource,
        SharedStrings.Share(metric.Name),
        SharedStrings.Share(metric.Unit),
        kind,
        OtlpValues.FromUnixNanos(point.TimeUnixNano),
        OtlpValues.ToDictionary(point.Attributes),
        point.ValueCase == NumberDataPoint.ValueOneofCase.AsInt ? point.AsInt : point.AsDouble);
}
