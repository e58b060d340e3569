using Grpc.Core;
using Parity.Dashboard.Protocol.Collector.Logs;
using Parity.Dashboard.Storage;

namespace Parity.Dashboard.Otlp;

public sealed class OtlpLogsReceiver(ITelemetryStore store) : LogsService.LogsServiceBase
{
    public override Task<ExportLogsServiceResponse> Export(ExportLogsServiceRequest request, ServerCallContext context) =>
        Task.FromResult(Accept(request));

    public ExportLogsServiceResponse Accept(ExportLogsServiceRequest request)
    {
        store.AddLogs(LogMapper.Map(request));
        return new ExportLogsServiceResponse();
    }
}
