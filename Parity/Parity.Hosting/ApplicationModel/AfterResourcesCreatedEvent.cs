using Parity.Hosting.Eventing;

namespace Parity.Hosting.ApplicationModel;

/// <summary>Once every resource of a run has been created (each starts as soon as what it waits for is ready).</summary>
public sealed class AfterResourcesCreatedEvent(IServiceProvider services, DistributedApplicationModel model) : IDistributedApplicationEvent
{
    public IServiceProvider Services { get; } = services;

    public DistributedApplicationModel Model { get; } = model;
}
