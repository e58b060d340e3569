using Parity.Hosting.ApplicationModel;

namespace Parity.Hosting.Lifecycle;

/// <summary>
/// Aspire 9's lifecycle hooks, which public AppHosts still use (eShop adds an environment callback to every project in
/// <see cref="BeforeStartAsync"/>). Each runs as the matching event's subscriber; new code subscribes to the events.
/// </summary>
public interface IDistributedApplicationLifecycleHook
{
    Task BeforeStartAsync(DistributedApplicationModel appModel, CancellationToken cancellationToken = default) => Task.CompletedTask;

    Task AfterEndpointsAllocatedAsync(DistributedApplicationModel appModel, CancellationToken cancellationToken = default) => Task.CompletedTask;

    Task AfterResourcesCreatedAsync(DistributedApplicationModel appModel, CancellationToken cancellationToken = default) => Task.CompletedTask;
}
