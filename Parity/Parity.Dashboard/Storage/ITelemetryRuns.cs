namespace Parity.Dashboard.Storage;

/// <summary>The current run's live store, and the stored telemetry of earlier runs.</summary>
public interface ITelemetryRuns
{
    RunInfo Current { get; }

    /// <summary>Every run whose telemetry is kept, newest first, the current one included.</summary>
    IReadOnlyList<RunInfo> All { get; }

    /// <summary>The store of a run: the live one for null or the current run's id; null for an unknown id.</summary>
    ITelemetryStore? Open(string? runId);
}
