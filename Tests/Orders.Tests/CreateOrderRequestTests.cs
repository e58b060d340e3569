using System.Globalization;

namespace Orders.Tests;

public sealed class CreateOrderRequestTests
{
    [Theory]
    [InlineData(1L, "12.34")]
    [InlineData(1L, "0.01")]
    [InlineData(1L, "7")]
    [InlineData(1L, "12.340")]
    [InlineData(long.MaxValue, "9999999999999999.99")]
    public void A_positive_customer_and_a_positive_total_in_cents_are_valid(long customerId, string orderTotal) =>
        Assert.Empty(new CreateOrderRequest(customerId, Parse(orderTotal)).Validate());

    [Theory]
    [InlineData(null, "12.34", "customerId")]
    [InlineData(0L, "12.34", "customerId")]
    [InlineData(-5L, "12.34", "customerId")]
    [InlineData(1L, null, "orderTotal")]
    [InlineData(1L, "0", "orderTotal")]
    [InlineData(1L, "-0.01", "orderTotal")]
    [InlineData(1L, "12.345", "orderTotal")]
    [InlineData(1L, "0.001", "orderTotal")]
    [InlineData(1L, "10000000000000000", "orderTotal")]
    public void Invalid_fields_are_reported_by_name(long? customerId, string? orderTotal, string invalidField)
    {
        var errors = new CreateOrderRequest(customerId, orderTotal is null ? null : Parse(orderTotal)).Validate();

        Assert.Equal([invalidField], errors.Keys);
    }

    [Fact]
    public void Both_fields_missing_are_both_reported() =>
        Assert.Equal(["customerId", "orderTotal"], new CreateOrderRequest(null, null).Validate().Keys.Order());

    private static decimal Parse(string value) => decimal.Parse(value, CultureInfo.InvariantCulture);
}
