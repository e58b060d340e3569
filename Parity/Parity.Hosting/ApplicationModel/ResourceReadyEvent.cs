using Parity.Hosting.Eventing;

namespace Parity.Hosting.ApplicationModel;

/// <summary>When a resource first becomes ready (healthy, or running without a health check). Resources that wait for it start only once its subscribers are done.</summary>
public sealed class ResourceReadyEvent(IResource resource, IServiceProvider services) : IDistributedApplicationResourceEvent
{
    public IResource Resource { get; } = resource;

    public IServiceProvider Services { get; } = services;
}
