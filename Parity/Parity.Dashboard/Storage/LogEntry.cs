namespace Parity.Dashboard.Storage;

public sealed record LogEntry(
    DateTimeOffset Timestamp,
    string SeverityText,
    int SeverityNumber,
    string Body,
    string Resource,
    IReadOnlyDictionary<string, string> Attributes,
    string? TraceId,
    string? SpanId);
