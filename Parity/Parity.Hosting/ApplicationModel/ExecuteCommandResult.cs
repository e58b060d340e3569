namespace Parity.Hosting.ApplicationModel;

/// <summary>How a command ended; <see cref="ErrorMessage"/> says why when it failed.</summary>
public sealed class ExecuteCommandResult
{
    public required bool Success { get; init; }

    public string? ErrorMessage { get; init; }
}
