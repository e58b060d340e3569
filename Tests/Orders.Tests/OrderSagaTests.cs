using Store.Messaging.Contracts;

namespace Orders.Tests;

public sealed class OrderSagaTests
{
    private static readonly OrderStatus Pending = OrderSaga.Started;
    private static readonly OrderStatus Approved = new(OrderStates.Approved, null);
    private static readonly OrderStatus RejectedForCredit = new(OrderStates.Rejected, RejectionReasons.InsufficientCredit);
    private static readonly OrderStatus RejectedForCustomer = new(OrderStates.Rejected, RejectionReasons.UnknownCustomer);

    [Fact]
    public void An_order_starts_pending() => Assert.Equal(new OrderStatus("PENDING", null), OrderSaga.Started);

    [Fact]
    public void Reserved_credit_approves_a_pending_order() =>
        Assert.Equal(new OrderStatus("APPROVED", null), OrderSaga.OnCreditReply(Pending, CreditOutcome.CreditReserved));

    [Fact]
    public void Exceeded_credit_limit_rejects_a_pending_order_for_insufficient_credit() =>
        Assert.Equal(new OrderStatus("REJECTED", "INSUFFICIENT_CREDIT"), OrderSaga.OnCreditReply(Pending, CreditOutcome.CreditLimitExceeded));

    [Fact]
    public void Unknown_customer_rejects_a_pending_order_for_unknown_customer() =>
        Assert.Equal(new OrderStatus("REJECTED", "UNKNOWN_CUSTOMER"), OrderSaga.OnCreditReply(Pending, CreditOutcome.CustomerNotFound));

    public static TheoryData<string, string?, CreditOutcome> SettledOrdersAndReplies()
    {
        var data = new TheoryData<string, string?, CreditOutcome>();
        foreach (var settled in new[] { Approved, RejectedForCredit, RejectedForCustomer })
        {
            foreach (var outcome in Enum.GetValues<CreditOutcome>())
            {
                data.Add(settled.State, settled.RejectionReason, outcome);
            }
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(SettledOrdersAndReplies))]
    public void A_settled_order_ignores_any_reply(string state, string? rejectionReason, CreditOutcome outcome) =>
        Assert.Null(OrderSaga.OnCreditReply(new OrderStatus(state, rejectionReason), outcome));

    [Fact]
    public void An_unknown_outcome_is_not_silently_dropped() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => OrderSaga.OnCreditReply(Pending, (CreditOutcome)42));
}
