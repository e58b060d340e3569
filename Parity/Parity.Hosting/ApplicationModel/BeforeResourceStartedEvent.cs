using Parity.Hosting.Eventing;

namespace Parity.Hosting.ApplicationModel;

/// <summary>Before a resource's process starts (again, after a stop command).</summary>
public sealed class BeforeResourceStartedEvent(IResource resource, IServiceProvider services) : IDistributedApplicationResourceEvent
{
    public IResource Resource { get; } = resource;

    public IServiceProvider Services { get; } = services;
}
