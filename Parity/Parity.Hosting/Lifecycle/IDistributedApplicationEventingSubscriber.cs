using Parity.Hosting.Eventing;

namespace Parity.Hosting.Lifecycle;

/// <summary>
/// A service that subscribes to the AppHost's events once, when the app starts (or publishes): registered with
/// <c>builder.Services.TryAddEventingSubscriber&lt;T&gt;()</c>, so an integration added twice subscribes once.
/// </summary>
public interface IDistributedApplicationEventingSubscriber
{
    Task SubscribeAsync(IDistributedApplicationEventing eventing, DistributedApplicationExecutionContext executionContext, CancellationToken cancellationToken);
}
