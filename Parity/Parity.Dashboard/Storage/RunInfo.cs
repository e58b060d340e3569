namespace Parity.Dashboard.Storage;

/// <summary>One run of the AppHost (or of a standalone dashboard), whose telemetry is kept together.</summary>
public sealed record RunInfo(string Id, DateTimeOffset StartedAt, bool IsCurrent);
