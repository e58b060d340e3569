namespace Parity.Dashboard.Storage;

/// <summary>Without a storage path (or with one that cannot be used) the dashboard keeps only the current run, in memory.</summary>
public sealed class MemoryOnlyTelemetryRuns(ITelemetryStore store, string runId) : ITelemetryRuns
{
    public RunInfo Current { get; } = new(runId, DateTimeOffset.UtcNow, IsCurrent: true);

    public IReadOnlyList<RunInfo> All => [Current];

    public ITelemetryStore? Open(string? runId) => runId is null || runId == Current.Id ? store : null;
}
