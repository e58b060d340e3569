using System.Globalization;
using Store.Messaging.Contracts;

namespace Customers.Tests;

public sealed class CreditDecisionTests
{
    [Theory]
    [InlineData("15.00", "12.34", CreditOutcome.CreditReserved)]
    [InlineData("12.34", "12.34", CreditOutcome.CreditReserved)]
    [InlineData("12.33", "12.34", CreditOutcome.CreditLimitExceeded)]
    [InlineData("15.00", "123.40", CreditOutcome.CreditLimitExceeded)]
    [InlineData("0", "0.01", CreditOutcome.CreditLimitExceeded)]
    [InlineData("-3", "1", CreditOutcome.CreditLimitExceeded)]
    [InlineData("10", "0", CreditOutcome.CreditLimitExceeded)]
    [InlineData("10", "-1", CreditOutcome.CreditLimitExceeded)]
    public void Reserves_only_a_positive_total_within_the_available_credit(string available, string total, CreditOutcome expected) =>
        Assert.Equal(expected, CreditDecision.Decide(decimal.Parse(available, CultureInfo.InvariantCulture), decimal.Parse(total, CultureInfo.InvariantCulture)));

    [Fact]
    public void Unknown_customer_is_customer_not_found() =>
        Assert.Equal(CreditOutcome.CustomerNotFound, CreditDecision.Decide(availableCredit: null, orderTotal: 1m));
}
