using Parity.Hosting.ApplicationModel;

namespace Parity.Hosting.Eventing;

/// <summary>Subscribing to and publishing the events of the AppHost's life (<c>builder.Eventing</c>).</summary>
public interface IDistributedApplicationEventing
{
    DistributedApplicationEventSubscription Subscribe<T>(Func<T, CancellationToken, Task> callback) where T : IDistributedApplicationEvent;

    /// <summary>Subscribes to an event of one resource only.</summary>
    DistributedApplicationEventSubscription Subscribe<T>(IResource resource, Func<T, CancellationToken, Task> callback)
        where T : IDistributedApplicationResourceEvent;

    void Unsubscribe(DistributedApplicationEventSubscription subscription);

    Task PublishAsync<T>(T @event, CancellationToken cancellationToken = default) where T : IDistributedApplicationEvent;

    Task PublishAsync<T>(T @event, EventDispatchBehavior dispatchBehavior, CancellationToken cancellationToken = default)
        where T : IDistributedApplicationEvent;
}
