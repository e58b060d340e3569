namespace Parity.Hosting.ApplicationModel;

/// <summary>A resource's state as text (and a style hint for the dashboard).</summary>
public sealed record ResourceStateSnapshot(string Text, string? Style)
{
    public static implicit operator ResourceStateSnapshot?(string? text) => text is null ? null : new(text, Style: null);
}
