namespace Parity.Dashboard.Storage;

/// <summary>Without a storage path the dashboard keeps only the current run, in memory.</summary>
public sealed class MemoryOnlyTelemetryRuns(ITelemetryStore store) : ITelemetryRuns
{
    public RunInfo Current { get; } = new(DateTimeOffset.UtcNow.ToString("yyyyMMdd-HHmmss"), DateTimeOffset.UtcNow, IsCurrent: true);

    public IReadOnlyList<RunInfo> All => [Current];

    public ITelemetryStore? Open(string? runId) => runId is null || runId == Current.Id ? store : null;
}
