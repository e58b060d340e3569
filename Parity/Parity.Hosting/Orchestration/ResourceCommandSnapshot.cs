using Parity.Hosting.ApplicationModel;

namespace Parity.Hosting.Orchestration;

/// <summary>A command of a resource as offered now: its name, how it is shown, and whether it can run.</summary>
public sealed record ResourceCommandSnapshot(
    string Name,
    string DisplayName,
    string? Description,
    ResourceCommandState State,
    string? ConfirmationMessage,
    string? IconName,
    bool IsHighlighted);
