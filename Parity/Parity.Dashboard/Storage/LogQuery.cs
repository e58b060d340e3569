namespace Parity.Dashboard.Storage;

/// <param name="MinimumSeverity">OTLP severity number; 0 keeps everything.</param>
/// <param name="Attribute">Keeps logs that carry this attribute, with <paramref name="AttributeValue"/> when given.</param>
public sealed record LogQuery(
    string? Resource, int MinimumSeverity, string? Text, int Limit, string? Attribute = null, string? AttributeValue = null, string? TraceId = null)
{
    public bool Matches(LogEntry log) =>
        (string.IsNullOrEmpty(Resource) || log.Resource == Resource)
        && log.SeverityNumber >= MinimumSeverity
        && (string.IsNullOrEmpty(TraceId) || log.TraceId == TraceId)
        && (string.IsNullOrEmpty(Text) || log.Body.Contains(Text, StringComparison.OrdinalIgnoreCase))
        && (string.IsNullOrEmpty(Attribute)
            || (log.Attributes.TryGetValue(Attribute, out var value)
                && (string.IsNullOrEmpty(AttributeValue) || string.Equals(value, AttributeValue, StringComparison.OrdinalIgnoreCase))));
}
