namespace Notifications.Tests;

public sealed class ServerSentEventFormatterTests
{
    [Fact]
    public void An_event_is_its_name_and_data_lines_ended_by_a_blank_line()
    {
        var text = ServerSentEventFormatter.Event("order-state", """{"orderId":"1","state":"PENDING"}""");

        Assert.Equal("event: order-state\ndata: {\"orderId\":\"1\",\"state\":\"PENDING\"}\n\n", text);
    }

    [Theory]
    [InlineData("first\nsecond")]
    [InlineData("first\r\nsecond")]
    [InlineData("first\rsecond")]
    public void Data_with_line_breaks_becomes_one_data_line_per_line(string data)
    {
        var text = ServerSentEventFormatter.Event("note", data);

        Assert.Equal("event: note\ndata: first\ndata: second\n\n", text);
    }

    [Fact]
    public void Empty_data_is_still_an_event()
    {
        Assert.Equal("event: ping\ndata: \n\n", ServerSentEventFormatter.Event("ping", ""));
    }

    [Fact]
    public void An_event_name_with_a_line_break_is_refused()
    {
        Assert.Throws<ArgumentException>(() => ServerSentEventFormatter.Event("order\ndata: forged", "{}"));
    }

    [Fact]
    public void Keep_alive_is_a_comment_clients_ignore()
    {
        Assert.StartsWith(":", ServerSentEventFormatter.KeepAlive);
        Assert.EndsWith("\n\n", ServerSentEventFormatter.KeepAlive);
        Assert.Single(ServerSentEventFormatter.KeepAlive.TrimEnd('\n').Split('\n'));
    }

    [Fact]
    public void An_order_state_event_carries_the_json_clients_read()
    {
        var notification = new OrderStateNotification(
            Guid.Parse("6f9619ff-8b86-d011-b42d-00c04fc964ff"), "REJECTED", "Credit limit exceeded", new DateTimeOffset(2030, 1, 2, 3, 4, 5, TimeSpan.Zero));

        var text = ServerSentEventFormatter.Event(OrderStateServerSentEvents.EventName, notification.ToJson());

        Assert.Equal(
            "event: order-state\n" +
            "data: {\"orderId\":\"6f9619ff-8b86-d011-b42d-00c04fc964ff\",\"state\":\"REJECTED\",\"rejectionReason\":\"Credit limit exceeded\",\"occurredAt\":\"2030-01-02T03:04:05+00:00\"}\n\n",
            text);
    }
}
