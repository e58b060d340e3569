namespace Parity.Dashboard.Storage;

/// <param name="MinimumSeverity">OTLP severity number; 0 keeps everything.</param>
public sealed record LogQuery(string? Resource, int MinimumSeverity, string? Text, int Limit);
