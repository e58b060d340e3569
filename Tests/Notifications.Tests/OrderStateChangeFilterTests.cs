namespace Notifications.Tests;

public sealed class OrderStateChangeFilterTests
{
    private static readonly Guid OrderId = Guid.NewGuid();
    private static readonly DateTimeOffset Placed = new(2030, 1, 2, 3, 4, 5, TimeSpan.Zero);

    [Fact]
    public void The_first_state_is_new()
    {
        Assert.True(new OrderStateChangeFilter().IsNew(State("PENDING", Placed)));
    }

    [Fact]
    public void The_same_state_twice_in_a_row_is_sent_once()
    {
        var filter = new OrderStateChangeFilter();

        Assert.True(filter.IsNew(State("PENDING", Placed)));
        Assert.False(filter.IsNew(State("PENDING", Placed)));
        Assert.True(filter.IsNew(State("APPROVED", Placed.AddSeconds(1))));
        Assert.False(filter.IsNew(State("APPROVED", Placed.AddSeconds(1))));
    }

    [Fact]
    public void A_state_older_than_the_last_one_sent_is_dropped()
    {
        var filter = new OrderStateChangeFilter();

        Assert.True(filter.IsNew(State("APPROVED", Placed.AddSeconds(1))));
        Assert.False(filter.IsNew(State("PENDING", Placed)));
        Assert.True(filter.IsNew(State("REJECTED", Placed.AddSeconds(2))));
    }

    private static OrderStateNotification State(string state, DateTimeOffset occurredAt) => new(OrderId, state, null, occurredAt);
}
