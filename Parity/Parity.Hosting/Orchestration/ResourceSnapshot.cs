namespace Parity.Hosting.Orchestration;

/// <summary>The state of one resource at one moment, as tests, run.json and the dashboard see it.</summary>
/// <param name="Environment">
/// The environment the model gives the resource locally, as last launched (the first replica's, when there are several),
/// secrets masked: for projects and executables exactly what the process received; a backing service's launcher
/// configures its own process from the same values.
/// </param>
/// <param name="Description">What a parameter is for (<c>WithDescription</c>), to show beside it.</param>
/// <param name="UrlDetails">The resource's URLs with their display text, order and location, in display order.</param>
/// <param name="Parent">The resource it is shown under: its declared parent, or the server a database lives in.</param>
/// <param name="WaitsForExplicitStart">
/// Not started because it starts only when asked (WithExplicitStart), or because what it waits for does.
/// </param>
/// <param name="IsPersistent">Declared persistent: it outlives the AppHost, and the next run adopts it.</param>
/// <param name="Adopted">Its process was left running by an earlier run and adopted by this one, not started.</param>
public sealed record ResourceSnapshot(
    string Name,
    string Kind,
    ResourceState State,
    bool HasHealthCheck,
    int Restarts = 0,
    int? ExitCode = null,
    DateTimeOffset? StartedAt = null,
    IReadOnlyList<ResourceUrlSnapshot>? UrlDetails = null,
    IReadOnlyList<ReplicaSnapshot>? Replicas = null,
    string? Message = null,
    IReadOnlyList<EnvironmentVariableSnapshot>? Environment = null,
    string? Description = null,
    string? Parent = null,
    bool WaitsForExplicitStart = false,
    bool IsPersistent = false,
    bool Adopted = false)
{
    /// <summary>Aspire's name for how long it lives: Persistent, or Session (it dies with the AppHost).</summary>
    public string Lifetime => IsPersistent ? "Persistent" : "Session";

    /// <summary>The addresses of <see cref="UrlDetails"/>, in the same order: an endpoint's base URL unless the AppHost changed it.</summary>
    public IReadOnlyList<string>? Urls => UrlDetails?.Select(u => u.Url).ToList();

    /// <summary>Ready, finished, or held until someone starts it: nothing more happens on its own.</summary>
    public bool IsSettled => IsReady || State is ResourceState.Finished or ResourceState.FailedToStart || WaitsForExplicitStart;

    /// <summary>What WaitFor waits for: healthy, or running when no health check is declared.</summary>
    public bool IsReady => State == ResourceState.Healthy || (State == ResourceState.Running && !HasHealthCheck);

    public bool IsRunning => State is ResourceState.Starting or ResourceState.Running or ResourceState.Healthy or ResourceState.Unhealthy;
}

public sealed record ReplicaSnapshot(int? Pid, ResourceState State, IReadOnlyList<string> Urls);
