namespace Parity.Hosting.Eventing;

/// <summary>One subscription, returned by Subscribe so that it can be given back to Unsubscribe.</summary>
public sealed class DistributedApplicationEventSubscription(Func<IDistributedApplicationEvent, CancellationToken, Task> callback)
{
    public Func<IDistributedApplicationEvent, CancellationToken, Task> Callback { get; } = callback;
}
