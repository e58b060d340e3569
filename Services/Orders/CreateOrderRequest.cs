using System.Globalization;

namespace Orders;

/// <summary>Body of POST /orders. Members are nullable so a missing field is reported, not defaulted.</summary>
public sealed record CreateOrderRequest(long? CustomerId, decimal? OrderTotal)
{
    /// <summary>The largest value the order_total column (numeric(18, 2)) holds.</summary>
    public const decimal MaxOrderTotal = 9_999_999_999_999_999.99m;

    /// <summary>What makes two valid requests the same order: a repeat with an idempotency key must match the first.</summary>
    public string Fingerprint() => string.Create(CultureInfo.InvariantCulture, $"customerId={CustomerId};orderTotal={OrderTotal:0.00}");

    public Dictionary<string, string[]> Validate()
    {
        var errors = new Dictionary<string, string[]>();
        if (CustomerId is null)
        {
            errors["customerId"] = ["Customer id is required."];
        }
        else if (CustomerId <= 0)
        {
            errors["customerId"] = ["Customer id must be positive."];
        }

        if (OrderTotal is not { } total)
        {
            errors["orderTotal"] = ["Order total is required."];
        }
        else if (total <= 0)
        {
            errors["orderTotal"] = ["Order total must be positive."];
        }
        else if (total > MaxOrderTotal)
        {
            errors["orderTotal"] = [$"Order total must be at most {MaxOrderTotal}."];
        }
        else if (decimal.Round(total, 2) != total)
        {
            errors["orderTotal"] = ["Order total must have at most 2 decimal places."];
        }

        return errors;
    }
}
