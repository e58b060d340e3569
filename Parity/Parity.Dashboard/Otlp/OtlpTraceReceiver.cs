using Grpc.Core;
using Parity.Dashboard.Protocol.Collector.Trace;
using Parity.Dashboard.Storage;

namespace Parity.Dashboard.Otlp;

public sealed class OtlpTraceReceiver(ITelemetryStore store) : TraceService.TraceServiceBase
{
    public override Task<ExportTraceServiceResponse> Export(ExportTraceServiceRequest request, ServerCallContext context) =>
        Task.FromResult(Accept(request));

    public ExportTraceServiceResponse Accept(ExportTraceServiceRequest request)
    {
        store.AddSpans(SpanMapper.Map(request));
        return new ExportTraceServiceResponse();
    }
}
