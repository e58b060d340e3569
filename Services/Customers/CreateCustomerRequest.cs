namespace Customers;

/// <summary>Body of POST /customers. Members are nullable so a missing field is reported, not defaulted.</summary>
public sealed record CreateCustomerRequest(string? Name, decimal? CreditLimit)
{
    public const int MaxNameLength = 200;

    /// <summary>The largest value the credit_limit column (numeric(18, 2)) holds.</summary>
    public const decimal MaxCreditLimit = 9_999_999_999_999_999.99m;

    public Dictionary<string, string[]> Validate()
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(Name))
        {
            errors["name"] = ["Name is required."];
        }
        else if (Name.Length > MaxNameLength)
        {
            errors["name"] = [$"Name must be at most {MaxNameLength} characters."];
        }
        else if (Name.Contains('\0'))
        {
            // PostgreSQL text cannot hold NUL: left unchecked it would fail the insert with a 500.
            errors["name"] = ["Name must not contain NUL characters."];
        }

        if (CreditLimit is null)
        {
            errors["creditLimit"] = ["Credit limit is required."];
        }
        else if (CreditLimit < 0)
        {
            errors["creditLimit"] = ["Credit limit must not be negative."];
        }
        else if (CreditLimit > MaxCreditLimit)
        {
            errors["creditLimit"] = [$"Credit limit must be at most {MaxCreditLimit}."];
        }

        return errors;
    }
}
