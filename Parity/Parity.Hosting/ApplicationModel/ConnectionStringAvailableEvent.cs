using Parity.Hosting.Eventing;

namespace Parity.Hosting.ApplicationModel;

/// <summary>When a resource's connection string can first be used (its server is running; at once for one composed of values).</summary>
public sealed class ConnectionStringAvailableEvent(IResource resource, IServiceProvider services) : IDistributedApplicationResourceEvent
{
    public IResource Resource { get; } = resource;

    public IServiceProvider Services { get; } = services;
}
