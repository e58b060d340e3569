using Parity.Hosting.ApplicationModel;

namespace Parity.Hosting.Eventing;

/// <summary>The AppHost's event bus: subscribers run in the order they subscribed.</summary>
public class DistributedApplicationEventing : IDistributedApplicationEventing
{
    private readonly object _sync = new();
    private readonly List<(Type EventType, DistributedApplicationEventSubscription Subscription)> _subscriptions = [];

    public DistributedApplicationEventSubscription Subscribe<T>(Func<T, CancellationToken, Task> callback) where T : IDistributedApplicationEvent =>
        Add(typeof(T), new DistributedApplicationEventSubscription((e, token) => callback((T)e, token)));

    public DistributedApplicationEventSubscription Subscribe<T>(IResource resource, Func<T, CancellationToken, Task> callback)
        where T : IDistributedApplicationResourceEvent =>
        Add(typeof(T), new DistributedApplicationEventSubscription((e, token) =>
            ReferenceEquals(((T)e).Resource, resource) ? callback((T)e, token) : Task.CompletedTask));

    public void Unsubscribe(DistributedApplicationEventSubscription subscription)
    {
        lock (_sync)
        {
            _subscriptions.RemoveAll(s => ReferenceEquals(s.Subscription, subscription));
        }
    }

    public Task PublishAsync<T>(T @event, CancellationToken cancellationToken = default) where T : IDistributedApplicationEvent =>
        PublishAsync(@event, EventDispatchBehavior.BlockingSequential, cancellationToken);

    public async Task PublishAsync<T>(T @event, EventDispatchBehavior dispatchBehavior, CancellationToken cancellationToken = default)
        where T : IDistributedApplicationEvent
    {
        List<DistributedApplicationEventSubscription> subscribers;
        lock (_sync)
        {
            subscribers = [.. _subscriptions.Where(s => s.EventType.IsInstanceOfType(@event)).Select(s => s.Subscription)];
        }
        switch (dispatchBehavior)
        {
            case EventDispatchBehavior.BlockingSequential:
                await RunInOrderAsync(@event, subscribers, cancellationToken);
                break;
            case EventDispatchBehavior.BlockingConcurrent:
                await Task.WhenAll(subscribers.Select(s => s.Callback(@event, cancellationToken)));
                break;
            case EventDispatchBehavior.NonBlockingSequential:
                _ = Task.Run(() => RunInOrderAsync(@event, subscribers, cancellationToken), CancellationToken.None);
                break;
            case EventDispatchBehavior.NonBlockingConcurrent:
                _ = Task.Run(() => Task.WhenAll(subscribers.Select(s => s.Callback(@event, cancellationToken))), CancellationToken.None);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(dispatchBehavior), dispatchBehavior, null);
        }
    }

    private static async Task RunInOrderAsync(IDistributedApplicationEvent @event, List<DistributedApplicationEventSubscription> subscribers, CancellationToken cancellationToken)
    {
        foreach (var subscriber in subscribers)
        {
            await subscriber.Callback(@event, cancellationToken);
        }
    }

    private DistributedApplicationEventSubscription Add(Type eventType, DistributedApplicationEventSubscription subscription)
    {
        lock (_sync)
        {
            _subscriptions.Add((eventType, subscription));
        }
        return subscription;
    }
}
