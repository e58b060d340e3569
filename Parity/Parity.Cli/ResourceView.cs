namespace Parity.Cli;

/// <summary>One resource as the AppHost's resource service describes it (its NDJSON lines).</summary>
internal sealed record ResourceView(
    string Name,
    string Kind,
    string State,
    string? Health,
    DateTimeOffset? StartedAt,
    int Restarts,
    int? ExitCode,
    IReadOnlyList<string> Urls,
    IReadOnlyList<ReplicaView> Replicas,
    IReadOnlyList<EnvironmentVariableView> Environment,
    string? Message,
    IReadOnlyList<string> Commands);

internal sealed record ReplicaView(int Index, int? Pid, string State, IReadOnlyList<string> Urls);

/// <summary>A variable of a resource's process; <see cref="Value"/> is null for a secret, which never leaves the AppHost.</summary>
internal sealed record EnvironmentVariableView(string Name, string? Value, bool IsSecret);

/// <summary>One line a resource wrote; <see cref="Replica"/> says which replica when it runs several.</summary>
internal sealed record ConsoleLineView(string Resource, int? Replica, DateTimeOffset Timestamp, string Text, bool IsError);
