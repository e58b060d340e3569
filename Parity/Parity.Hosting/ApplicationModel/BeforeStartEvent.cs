using Parity.Hosting.Eventing;

namespace Parity.Hosting.ApplicationModel;

/// <summary>Before any resource starts (and before publishing): subscribers may still change the model.</summary>
public sealed class BeforeStartEvent(IServiceProvider services, DistributedApplicationModel model) : IDistributedApplicationEvent
{
    public IServiceProvider Services { get; } = services;

    public DistributedApplicationModel Model { get; } = model;
}
