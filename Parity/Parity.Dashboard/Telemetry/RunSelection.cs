using Parity.Dashboard.Storage;

namespace Parity.Dashboard.Telemetry;

/// <summary>Which run's telemetry one browser tab is looking at: the current run unless the user picked an earlier one.</summary>
public sealed class RunSelection(ITelemetryRuns runs)
{
    private string? _runId;

    public event Action? Changed;

    public RunInfo Run => (_runId is null ? null : runs.All.FirstOrDefault(r => r.Id == _runId)) ?? runs.Current;

    public ITelemetryStore Store => runs.Open(_runId) ?? runs.Open(null)!;

    public IReadOnlyList<RunInfo> Available => runs.All;

    public void Select(string? runId)
    {
        _runId = runId == runs.Current.Id ? null : runId;
        Changed?.Invoke();
    }
}
