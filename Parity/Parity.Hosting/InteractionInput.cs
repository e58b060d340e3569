namespace Parity.Hosting;

/// <summary>The kind of value an <see cref="InteractionInput"/> asks for.</summary>
public enum InputType
{
    Text,
    SecretText,
    Choice,
    Boolean,
    Number,
}

/// <summary>One input a user is asked to fill in, e.g. a parameter's value (<c>WithCustomInput</c>).</summary>
public sealed class InteractionInput
{
    public string? Name { get; init; }

    public string? Label { get; init; }

    public string? Description { get; init; }

    public bool EnableDescriptionMarkdown { get; init; }

    public InputType InputType { get; init; }

    public bool Required { get; init; }

    /// <summary>The choices of a <see cref="InputType.Choice"/> input, value first, then what is shown.</summary>
    public IReadOnlyList<KeyValuePair<string, string>>? Options { get; init; }

    public string? Value { get; set; }

    public string? Placeholder { get; init; }

    public bool AllowCustomChoice { get; init; }
}
