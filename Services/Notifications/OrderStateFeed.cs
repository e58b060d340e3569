using StackExchange.Redis;

namespace Notifications;

/// <summary>
/// Order states in Redis, shared by every replica: the latest state of each order (kept a day, for clients that
/// connect late) and a pub/sub channel per order (so a client on any replica hears a change any replica consumed).
/// </summary>
public sealed class OrderStateFeed(IConnectionMultiplexer redis)
{
    public static readonly TimeSpan CurrentStateLifetime = TimeSpan.FromDays(1);

    // Store and publish in one step, and only when the event is newer than the stored one: a redelivered or
    // late event must neither overwrite a later state nor reach clients that already moved past it.
    private const string StoreAndPublishScript = """
        local stored = redis.call('HGET', KEYS[1], 'occurredAt')
        if stored and tonumber(stored) > tonumber(ARGV[1]) then
            return 0
        end
        if redis.call('HGET', KEYS[1], 'event') == ARGV[2] then
            return 0
        end
        redis.call('HSET', KEYS[1], 'occurredAt', ARGV[1], 'event', ARGV[2])
        redis.call('EXPIRE', KEYS[1], ARGV[3])
        redis.call('PUBLISH', ARGV[4], ARGV[2])
        return 1
        """;

    public static RedisKey CurrentStateKey(Guid orderId) => $"notifications:order-state:{orderId}";

    public static RedisChannel ChangesChannel(Guid orderId) => RedisChannel.Literal($"notifications:order-events:{orderId}");

    /// <returns>False when the event was older than, or the same as, the state already stored.</returns>
    public async Task<bool> PublishAsync(OrderStateNotification notification)
    {
        // Microseconds since 1970 stay exact in a Lua number (a double); ticks would not.
        var occurredAt = (notification.OccurredAt.UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks) / 10;
        var result = await redis.GetDatabase().ScriptEvaluateAsync(
            StoreAndPublishScript,
            [CurrentStateKey(notification.OrderId)],
            [occurredAt, notification.ToJson(), (long)CurrentStateLifetime.TotalSeconds, ChangesChannel(notification.OrderId).ToString()]);
        return (int)result == 1;
    }

    /// <summary>Subscribes before reading the stored state, so a change published in between is not missed.</summary>
    public async Task<OrderStateSubscription> SubscribeAsync(Guid orderId)
    {
        var liveChanges = await redis.GetSubscriber().SubscribeAsync(ChangesChannel(orderId));
        try
        {
            var stored = await redis.GetDatabase().HashGetAsync(CurrentStateKey(orderId), "event");
            return new OrderStateSubscription(liveChanges, stored.IsNull ? null : OrderStateNotification.FromJson(stored.ToString()));
        }
        catch
        {
            await liveChanges.UnsubscribeAsync();
            throw;
        }
    }
}
