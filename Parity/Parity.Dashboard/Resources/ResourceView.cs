using System.Text.Json.Serialization;

namespace Parity.Dashboard.Resources;

/// <summary>
/// One resource of the AppHost, as the resource service sends it (one JSON object per line, camelCase).
/// <see cref="State"/> is Aspire's: NotStarted, Waiting, Starting, Running, Exited, Finished, FailedToStart;
/// <see cref="Health"/> is Healthy or Unhealthy while running with a health check, null otherwise.
/// <see cref="Urls"/> are in display order. <see cref="Commands"/> are those that apply: stop, start and restart for a
/// resource that runs a process, then those the AppHost declares. <see cref="Parent"/> is the resource it is shown under.
/// <see cref="Lifetime"/> is Aspire's: Session (dies with the AppHost) or Persistent (outlives it; <see cref="Adopted"/>
/// when this run found it running and adopted it).
/// </summary>
public sealed record ResourceView(
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
    bool WaitsForExplicitStart = false,
    string? IconName = null,
    string Lifetime = "Session",
    bool Adopted = false)
{
    public const string StopCommand = "stop";
    public const string StartCommand = "start";
    public const string RestartCommand = "restart";

    /// <summary>True when it runs a process of its own: it has a console, and stop / start / restart apply.</summary>
    [JsonIgnore]
    public bool HasProcess => Commands.Any(c => c.Name == StopCommand);

    /// <summary>How the lifetime reads beside the state: nothing for the default.</summary>
    [JsonIgnore]
    public string? LifetimeNote => Lifetime == "Session" ? null : Adopted ? "persistent, adopted" : "persistent";

    /// <summary>The commands the AppHost declared (WithCommand, WithHttpCommand), after the built-in ones.</summary>
    [JsonIgnore]
    public IEnumerable<CommandView> DeclaredCommands => Commands.Where(c => c.Name is not (StopCommand or StartCommand or RestartCommand));
}
