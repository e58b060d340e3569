namespace Notifications;

/// <summary>
/// Lets through only what tells one client something new: the same state twice in a row (the stored state and
/// its live publication, a redelivered event) or a state older than the one last sent is dropped.
/// </summary>
public sealed class OrderStateChangeFilter
{
    private OrderStateNotification? _lastSent;

    public bool IsNew(OrderStateNotification notification)
    {
        if (_lastSent is { } last && (last.State == notification.State || notification.OccurredAt < last.OccurredAt))
        {
            return false;
        }
        _lastSent = notification;
        return true;
    }
}
