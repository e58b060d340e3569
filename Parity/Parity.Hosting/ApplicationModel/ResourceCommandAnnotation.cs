namespace Parity.Hosting.ApplicationModel;

/// <summary>
/// A command the dashboard and <c>parity resource NAME COMMAND</c> offer for a resource. It runs inside the AppHost;
/// <see cref="UpdateState"/> says, for the resource's current state, whether it is enabled, disabled or hidden.
/// </summary>
public sealed class ResourceCommandAnnotation : IResourceAnnotation
{
    public ResourceCommandAnnotation(
        string name,
        string displayName,
        Func<UpdateCommandStateContext, ResourceCommandState> updateState,
        Func<ExecuteCommandContext, Task<ExecuteCommandResult>> executeCommand,
        string? displayDescription,
        object? parameter,
        string? confirmationMessage,
        string? iconName,
        IconVariant? iconVariant,
        bool isHighlighted)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(displayName);
        ArgumentNullException.ThrowIfNull(updateState);
        ArgumentNullException.ThrowIfNull(executeCommand);
        Name = name;
        DisplayName = displayName;
        UpdateState = updateState;
        ExecuteCommand = executeCommand;
        DisplayDescription = displayDescription;
        Parameter = parameter;
        ConfirmationMessage = confirmationMessage;
        IconName = iconName;
        IconVariant = iconVariant;
        IsHighlighted = isHighlighted;
    }

    /// <summary>Identifies the command on its resource.</summary>
    public string Name { get; }

    public string DisplayName { get; }

    public Func<UpdateCommandStateContext, ResourceCommandState> UpdateState { get; }

    public Func<ExecuteCommandContext, Task<ExecuteCommandResult>> ExecuteCommand { get; }

    /// <summary>Shown as the command's tooltip.</summary>
    public string? DisplayDescription { get; }

    public object? Parameter { get; }

    /// <summary>When set, the dashboard asks the user to confirm this before running the command.</summary>
    public string? ConfirmationMessage { get; }

    public string? IconName { get; }

    public IconVariant? IconVariant { get; }

    public bool IsHighlighted { get; }
}
