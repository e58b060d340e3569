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
    IReadOnlyList<UrlMessage> Urls,
    IReadOnlyList<ReplicaMessage> Replicas,
    IReadOnlyList<EnvironmentVariableSnapshot> Environment,
    string? Message,
    IReadOnlyList<CommandMessage> Commands,
    string? Parent,
    bool WaitsForExplicitStart,
    string? IconName,
    string Lifetime,
    bool Adopted)
{
    /// <param name="commands">What the resource offers now (<see cref="ResourceCommandService.CommandsOf"/>).</param>
    /// <param name="iconName">The icon the AppHost gave it (WithIconName), if any.</param>
    public static ResourceMessage From(ResourceSnapshot snapshot, IReadOnlyList<ResourceCommandSnapshot> commands, string? iconName) => new(
        snapshot.Name,
        snapshot.Kind,
        StateOf(snapshot.State),
        HealthOf(snapshot),
        snapshot.StartedAt,
        snapshot.Restarts,
        snapshot.ExitCode,
        [.. (snapshot.UrlDetails ?? []).Select(u => new UrlMessage(u.Url, u.DisplayText, u.Endpoint, u.DisplayOrder, u.DisplayLocation.ToString()))],
        [.. (snapshot.Replicas ?? []).Select((replica, index) => new ReplicaMessage(index, replica.Pid, StateOf(replica.State), replica.Urls))],
        snapshot.Environment ?? [],
        snapshot.Message,
        [.. commands.Select(c => new CommandMessage(WireName(c.Name), c.DisplayName, c.Description, c.State.ToString(), c.ConfirmationMessage, c.IconName, c.IsHighlighted))],
        snapshot.Parent,
        snapshot.WaitsForExplicitStart,
        iconName,
        snapshot.Lifetime,
        snapshot.Adopted);

    /// <summary>The built-in commands go by their short names on the wire, as the CLI types them.</summary>
    public static string WireName(string command) => command switch
    {
        ResourceCommandService.Stop => "stop",
        ResourceCommandService.Start => "start",
        ResourceCommandService.Restart => "restart",
        _ => command,
    };

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
