namespace Parity.Hosting.ResourceService;

/// <summary>
/// One command of a resource on the wire (the dashboard's <c>CommandView</c>): <c>stop</c>, <c>start</c>, <c>restart</c>
/// or a declared one; <see cref="State"/> is Enabled or Disabled.
/// </summary>
internal sealed record CommandMessage(
    string Name, string DisplayName, string? Description, string State, string? ConfirmationMessage, string? IconName, bool IsHighlighted);
