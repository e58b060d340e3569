namespace Parity.Dashboard.Resources;

/// <summary>
/// One resource of the AppHost, as the resource service sends it (one JSON object per line, camelCase).
/// <see cref="State"/> is Aspire's: NotStarted, Waiting, Starting, Running, Exited, Finished, FailedToStart;
/// <see cref="Health"/> is Healthy or Unhealthy while running with a health check, null otherwise.
/// <see cref="Commands"/> are those that apply: stop, start and restart for a resource that runs a process.
/// </summary>
public sealed record ResourceView(
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
