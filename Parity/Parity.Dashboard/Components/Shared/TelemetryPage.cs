using Microsoft.AspNetCore.Components;
using Parity.Dashboard.Storage;
using Parity.Dashboard.Telemetry;

namespace Parity.Dashboard.Components.Shared;

/// <summary>
/// A page over the selected run's telemetry: <see cref="Load"/> runs at start, when the run changes, when the
/// filters change, and once a second while new telemetry arrives.
/// </summary>
public abstract class TelemetryPage : ComponentBase, IDisposable
{
    private readonly PeriodicTimer _timer = new(TimeSpan.FromSeconds(1));
    private long _loadedVersion = -1;

    [Inject] protected RunSelection Selection { get; set; } = default!;

    protected ITelemetryStore Store => Selection.Store;

    /// <summary>Reads what the page shows from <see cref="Store"/>.</summary>
    protected abstract void Load();

    protected void Reload()
    {
        _loadedVersion = Store.Version;
        Load();
    }

    protected override void OnInitialized()
    {
        Selection.Changed += OnRunChanged;
        _ = FollowAsync();
    }

    protected override void OnParametersSet() => Reload();

    public void Dispose()
    {
        Selection.Changed -= OnRunChanged;
        _timer.Dispose();
        GC.SuppressFinalize(this);
    }

    private void OnRunChanged() => _ = InvokeAsync(() =>
    {
        Reload();
        StateHasChanged();
    });

    private async Task FollowAsync()
    {
        while (await _timer.WaitForNextTickAsync())
        {
            if (Store.Version != _loadedVersion)
            {
                await InvokeAsync(() =>
                {
                    Reload();
                    StateHasChanged();
                });
            }
        }
    }
}
