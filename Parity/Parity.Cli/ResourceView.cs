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
    IReadOnlyList<UrlView> Urls,
    IReadOnlyList<ReplicaView> Replicas,
    IReadOnlyList<EnvironmentVariableView> Environment,
    string? Message,
    IReadOnlyList<CommandView> Commands,
    string? Parent = null,
    string Lifetime = "Session",
    bool Adopted = false);

/// <summary>One URL of a resource; DetailsOnly ones are left out of summaries.</summary>
internal sealed record UrlView(string Url, string? DisplayText, string? Endpoint, string DisplayLocation = "SummaryAndDetails")
{
    public bool IsShownInSummary => DisplayLocation != "DetailsOnly";

    /// <summary>The address, after its display text when it has one: <c>Swagger UI: http://localhost:5181/swagger</c>.</summary>
    public override string ToString() => string.IsNullOrEmpty(DisplayText) ? Url : $"{DisplayText}: {Url}";
}

/// <summary>A command a resource offers (stop, start, restart, or one its AppHost declares); State is Enabled or Disabled.</summary>
internal sealed record CommandView(string Name, string DisplayName, string? Description, string State);

internal sealed record ReplicaView(int Index, int? Pid, string State, IReadOnlyList<string> Urls);

/// <summary>A variable of a resource's process; <see cref="Value"/> is null for a secret, which never leaves the AppHost.</summary>
internal sealed record EnvironmentVariableView(string Name, string? Value, bool IsSecret);

/// <summary>One line a resource wrote; <see cref="Replica"/> says which replica when it runs several.</summary>
internal sealed record ConsoleLineView(string Resource, int? Replica, DateTimeOffset Timestamp, string Text, bool IsError);
