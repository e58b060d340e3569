namespace Parity.Hosting.Eventing;

/// <summary>How <see cref="IDistributedApplicationEventing.PublishAsync{T}(T, EventDispatchBehavior, CancellationToken)"/> runs the subscribers.</summary>
public enum EventDispatchBehavior
{
    /// <summary>One after another, in the order they subscribed; the publisher waits for all. The default.</summary>
    BlockingSequential,

    /// <summary>All at once; the publisher waits for all.</summary>
    BlockingConcurrent,

    /// <summary>One after another, without the publisher waiting.</summary>
    NonBlockingSequential,

    /// <summary>All at once, without the publisher waiting.</summary>
    NonBlockingConcurrent,
}
