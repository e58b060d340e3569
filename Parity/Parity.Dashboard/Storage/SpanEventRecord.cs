namespace Parity.Dashboard.Storage;

public sealed record SpanEventRecord(string Name, DateTimeOffset Timestamp, IReadOnlyDictionary<string, string> Attributes);
