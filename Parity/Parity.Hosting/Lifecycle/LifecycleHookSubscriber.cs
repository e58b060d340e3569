using Parity.Hosting.ApplicationModel;
using Parity.Hosting.Eventing;

namespace Parity.Hosting.Lifecycle;

/// <summary>Runs the registered lifecycle hooks, in registration order, at their events.</summary>
internal sealed class LifecycleHookSubscriber(IEnumerable<IDistributedApplicationLifecycleHook> hooks) : IDistributedApplicationEventingSubscriber
{
    public Task SubscribeAsync(IDistributedApplicationEventing eventing, DistributedApplicationExecutionContext executionContext, CancellationToken cancellationToken)
    {
        eventing.Subscribe<BeforeStartEvent>(async (e, token) =>
        {
            foreach (var hook in hooks)
            {
                await hook.BeforeStartAsync(e.Model, token);
            }
        });
        // Ports are allocated before any resource is created, so both later hooks run at AfterResourcesCreatedEvent.
        eventing.Subscribe<AfterResourcesCreatedEvent>(async (e, token) =>
        {
            foreach (var hook in hooks)
            {
                await hook.AfterEndpointsAllocatedAsync(e.Model, token);
                await hook.AfterResourcesCreatedAsync(e.Model, token);
            }
        });
        return Task.CompletedTask;
    }
}
