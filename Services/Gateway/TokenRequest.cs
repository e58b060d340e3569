namespace Gateway;

/// <summary>Body of POST /api/token; without one, or without a user, the token is for <see cref="DefaultUser"/>.</summary>
public sealed record TokenRequest(string? User)
{
    public const string DefaultUser = "dev";
    public const int MaxUserLength = 64;

    public Dictionary<string, string[]> Validate()
    {
        var errors = new Dictionary<string, string[]>();
        if (User is null)
        {
            return errors;
        }

        if (User.Length is 0 or > MaxUserLength)
        {
            errors["user"] = [$"User must be 1 to {MaxUserLength} characters."];
        }
        else if (!User.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '_' or '@'))
        {
            // The name becomes the rate-limit partition and appears in logs: keep it to plain characters.
            errors["user"] = ["User may contain only letters, digits and . - _ @."];
        }

        return errors;
    }
}
