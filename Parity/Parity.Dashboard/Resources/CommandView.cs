using System.Text.Json.Serialization;

namespace Parity.Dashboard.Resources;

/// <summary>A command a resource offers; <see cref="State"/> is Enabled or Disabled (hidden ones are not sent).</summary>
public sealed record CommandView(
    string Name, string DisplayName, string? Description, string State, string? ConfirmationMessage, string? IconName, bool IsHighlighted)
{
    [JsonIgnore]
    public bool IsEnabled => State == "Enabled";
}
