extern alias customers;

using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;
using Store.Messaging.Contracts;
using Store.Messaging.RabbitMQ;

namespace Orders.Tests;

/// <summary>One trace from the request that places an order, through both outboxes and both consumers.</summary>
[Collection(nameof(StoreCollection))]
public sealed class TraceContextTests : IDisposable
{
    private readonly RunningStore _store;
    private readonly ConcurrentQueue<Activity> _stopped = new();
    private readonly ActivityListener _listener;

    public TraceContextTests(RunningStore store)
    {
        _store = store;
        _listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == MessageTracing.ActivitySourceName,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = _stopped.Enqueue,
        };
        ActivitySource.AddActivityListener(_listener);
    }

    private static CancellationToken CancellationToken => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Each_consumer_continues_the_trace_of_the_message_it_handles()
    {
        var customerId = await _store.CreateCustomerAsync(20m, CancellationToken);
        var traceId = ActivityTraceId.CreateRandom();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/orders") { Content = JsonContent.Create(new { customerId, orderTotal = 5m }) };
        request.Headers.Add("traceparent", $"00-{traceId}-{ActivitySpanId.CreateRandom()}-01");

        using var response = await _store.OrdersClient.SendAsync(request, CancellationToken);
        var orderId = (await response.Content.ReadFromJsonAsync<JsonElement>(CancellationToken)).GetProperty("orderId").GetGuid();
        await _store.WaitUntilSettledAsync(orderId, CancellationToken);

        var trace = await Poll.UntilAsync(
            () => Task.FromResult(_stopped.Where(activity => activity.TraceId == traceId).ToArray()),
            activities => activities.Any(activity => activity.OperationName == $"{CreditReplyConsumer.Queue.Queue} process"),
            "the credit reply's consumer activity",
            CancellationToken);
        var reserveCredit = Single(trace, $"{Exchanges.CustomersCommands.Name} publish", ActivityKind.Producer);
        var reserveCreditHandled = Single(trace, $"{(customers::Customers.ReserveCreditConsumer.Queue.Queue)} process", ActivityKind.Consumer);
        var creditReply = Single(trace, $"{Exchanges.OrdersReplies.Name} publish", ActivityKind.Producer);
        var creditReplyHandled = Single(trace, $"{CreditReplyConsumer.Queue.Queue} process", ActivityKind.Consumer);
        Assert.Equal(reserveCredit.SpanId, reserveCreditHandled.ParentSpanId);
        Assert.Equal(reserveCreditHandled.SpanId, creditReply.ParentSpanId);
        Assert.Equal(creditReply.SpanId, creditReplyHandled.ParentSpanId);
    }

    public void Dispose() => _listener.Dispose();

    private static Activity Single(Activity[] trace, string operation, ActivityKind kind)
    {
        var activity = Assert.Single(trace, activity => activity.OperationName == operation);
        Assert.Equal(kind, activity.Kind);
        return activity;
    }
}
