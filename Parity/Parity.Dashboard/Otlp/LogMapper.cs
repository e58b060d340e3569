using Parity.Dashboard.Protocol.Collector.Logs;
using Parity.Dashboard.Protocol.Logs;
using Parity.Dashboard.Storage;

namespace Parity.Dashboard.Otlp;

public static class LogMapper
{
    public static IEnumerable<LogEntry> Map(ExportLogsServiceRequest request)
    {
        foreach (var resourceLogs in request.ResourceLogs)
        {
            var resource = OtlpValues.ServiceName(resourceLogs.Resource);
            foreach (var record in resourceLogs.ScopeLogs.SelectMany(scope => scope.LogRecords))
            {
                yield return Map(record, resource);
            }
        }
    }

    private static LogEntry Map(LogRecord record, string resource)
    {
        // Senders may leave the event time unset and only fill in when they observed it.
        var nanos = record.TimeUnixNano != 0 ? record.TimeUnixNano : record.ObservedTimeUnixNano;
        var severity = (int)record.SeverityNumber;
        return new LogEntry(
            Timestamp: OtlpValues.FromUnixNanos(nanos),
            SeverityText: string.IsNullOrEmpty(record.SeverityText) ? SeverityLevels.NameOf(severity) : SharedStrings.Share(record.SeverityText),
            SeverityNumber: severity,
            Body: OtlpValues.ToText(record.Body),
            Resource: resource,
            Attributes: OtlpValues.ToDictionary(record.Attributes),
            TraceId: OtlpValues.ToHexId(record.TraceId),
            SpanId: OtlpValues.ToHexId(record.SpanId));
    }
}
