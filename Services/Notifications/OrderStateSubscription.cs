using StackExchange.Redis;

namespace Notifications;

/// <summary>One client's view of one order: the state stored when it subscribed, then each live change, without repeats.</summary>
public sealed class OrderStateSubscription(ChannelMessageQueue liveChanges, OrderStateNotification? current) : IAsyncDisposable
{
    private readonly OrderStateChangeFilter _filter = new();
    private OrderStateNotification? _current = current;

    /// <summary>The next state the client has not seen; waits for one when there is none.</summary>
    public async Task<OrderStateNotification> ReadAsync(CancellationToken cancellationToken)
    {
        if (_current is { } current)
        {
            _current = null;
            if (_filter.IsNew(current))
            {
                return current;
            }
        }
        while (true)
        {
            var message = await liveChanges.ReadAsync(cancellationToken);
            var notification = OrderStateNotification.FromJson(message.Message.ToString());
            if (_filter.IsNew(notification))
            {
                return notification;
            }
        }
    }

    public async ValueTask DisposeAsync() => await liveChanges.UnsubscribeAsync();
}
