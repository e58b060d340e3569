using Parity.Dashboard.Storage;

namespace Parity.Dashboard.Api;

public sealed record LogView(
    DateTimeOffset Timestamp,
    string Level,
    string Message,
    string Resource,
    IReadOnlyDictionary<string, string> Attributes,
    string? TraceId,
    string? SpanId)
{
    public static LogView From(LogEntry log) =>
        new(log.Timestamp, log.SeverityText, log.Body, log.Resource, log.Attributes, log.TraceId, log.SpanId);
}
