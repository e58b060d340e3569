using Grpc.Core;
using Parity.Dashboard.Protocol.Collector.Metrics;
using Parity.Dashboard.Storage;

namespace Parity.Dashboard.Otlp;

public sealed class OtlpMetricsReceiver(ITelemetryStore store) : MetricsService.MetricsServiceBase
{
    public override Task<ExportMetricsServiceResponse> Export(ExportMetricsServiceRequest request, ServerCallContext context) =>
        Task.FromResult(Accept(request));

    public ExportMetricsServiceResponse Accept(ExportMetricsServiceRequest request)
    {
        store.AddMetricPoints(MetricMapper.Map(request));
        return new ExportMetricsServiceResponse();
    }
}
