namespace Parity.Hosting.ApplicationModel;

/// <summary>How a command added with <c>WithCommand</c> is shown and when it is enabled.</summary>
public class CommandOptions
{
    internal static CommandOptions Default { get; } = new();

    /// <summary>Shown as the command's tooltip.</summary>
    public string? Description { get; set; }

    public object? Parameter { get; set; }

    /// <summary>When set, the dashboard asks the user to confirm this before running the command.</summary>
    public string? ConfirmationMessage { get; set; }

    public string? IconName { get; set; }

    public IconVariant? IconVariant { get; set; }

    public bool IsHighlighted { get; set; }

    /// <summary>Whether the command is enabled for the resource's current state; always enabled when null.</summary>
    public Func<UpdateCommandStateContext, ResourceCommandState>? UpdateState { get; set; }
}
