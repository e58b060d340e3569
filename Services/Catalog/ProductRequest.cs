namespace Catalog;

/// <summary>
/// Body of POST /products and PUT /products/{id}. Members are nullable so a missing field is reported, not defaulted.
/// </summary>
public sealed record ProductRequest(string? Name, string? Description, decimal? Price)
{
    public const int MaxNameLength = 200;
    public const int MaxDescriptionLength = 4000;

    // numeric(12, 2) holds this and anything below it exactly.
    public const decimal MaxPrice = 9_999_999_999.99m;

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

        if (Description is { Length: > MaxDescriptionLength })
        {
            errors["description"] = [$"Description must be at most {MaxDescriptionLength} characters."];
        }
        else if (Description is not null && Description.Contains('\0'))
        {
            errors["description"] = ["Description must not contain NUL characters."];
        }

        if (Price is not { } price)
        {
            errors["price"] = ["Price is required."];
        }
        else if (price < 0 || price > MaxPrice)
        {
            errors["price"] = [$"Price must be between 0 and {MaxPrice}."];
        }
        else if (price != decimal.Round(price, 2))
        {
            // The column would round silently; a price the shop did not ask for is worse than an error.
            errors["price"] = ["Price must have at most two decimal places."];
        }

        return errors;
    }
}
