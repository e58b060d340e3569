using Parity.Hosting.ApplicationModel;

namespace Parity.Hosting.Orchestration;

/// <summary>What the orchestrator and the commands do with a running resource, whether it has one process or several.</summary>
internal interface IResourceRunner
{
    IResource Resource { get; }

    void PublishInitialState();

    Task LaunchAfterDependenciesAsync(CancellationToken stopping);

    Task StartAsync();

    Task StopAsync();

    /// <summary>The end of the run: stops the process, unless it is persistent, which runs on for the next run to adopt.</summary>
    Task ShutdownAsync();

    Task RestartAsync();
}
