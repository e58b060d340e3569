using Parity.Hosting.Orchestration;

namespace Parity.Hosting.ResourceService;

/// <summary>
/// One resource on the wire (the dashboard's <c>ResourceView</c>): Aspire's states, where a health check's result is
/// a separate health status rather than a state of its own.
/// </summary>
internal sealed record ResourceMessage(
    string Name,
    string Kind,
    string State,
    string? Health,
    DateTimeOffset? StartedAt,
    int Restarts,
    int? ExitCode,
    IReadOnlyList<string> Urls,
    IReadOnlyList<ReplicaMessage> Replicas,
    IReadOnlyList<EnvironmentVariableSnapshot> Environment,
    string? Message,
    IReadOnlyList<string> Commands)
{
    private static readonly string[] ProcessCommands = ["stop", "start", "restart"];

    /// <param name="hasProcess">Whether the resource runs a process of its own (a parameter or a database does not).</param>
    public static ResourceMessage From(ResourceSnapshot snapshot, bool hasProcess) => new(
        snapshot.Name,
        snapshot.Kind,
        StateOf(snapshot.State),
        HealthOf(snapshot),
        snapshot.StartedAt,
        snapshot.Restarts,
        snapshot.ExitCode,
        snapshot.Urls ?? [],
        [.. (snapshot.Replicas ?? []).Select((replica, index) => new ReplicaMessage(index, replica.Pid, StateOf(replica.State), replica.Urls))],
        snapshot.Environment ?? [],
        snapshot.Message,
        hasProcess ? ProcessCommands : []);

    private static string StateOf(ResourceState state) =>
        state is ResourceState.Healthy or ResourceState.Unhealthy ? nameof(ResourceState.Running) : state.ToString();

    /// <summary>As Aspire shows it: a running resource with a health check is unhealthy until the check first passes.</summary>
    private static string? HealthOf(ResourceSnapshot snapshot) => snapshot.State switch
    {
        ResourceState.Healthy => "Healthy",
        ResourceState.Unhealthy => "Unhealthy",
        ResourceState.Running when snapshot.HasHealthCheck => "Unhealthy",
        _ => null,
    };
}
