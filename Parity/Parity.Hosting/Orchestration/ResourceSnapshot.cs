namespace Parity.Hosting.Orchestration;

/// <summary>The state of one resource at one moment, as tests, run.json and the dashboard see it.</summary>
/// <param name="Environment">
/// The environment the model gives the resource locally, as last launched (the first replica's, when there are several),
/// secrets masked: for projects and executables exactly what the process received; a backing service's launcher
/// configures its own process from the same values.
/// </param>
/// <param name="Description">What a parameter is for (<c>WithDescription</c>), to show beside it.</param>
public sealed record ResourceSnapshot(
    string Name,
    string Kind,
    ResourceState State,
    bool HasHealthCheck,
    int Restarts = 0,
    int? ExitCode = null,
    DateTimeOffset? StartedAt = null,
    IReadOnlyList<string>? Urls = null,
    IReadOnlyList<ReplicaSnapshot>? Replicas = null,
    string? Message = null,
    IReadOnlyList<EnvironmentVariableSnapshot>? Environment = null,
    string? Description = null)
{
    /// <summary>What WaitFor waits for: healthy, or running when no health check is declared.</summary>
    public bool IsReady => State == ResourceState.Healthy || (State == ResourceState.Running && !HasHealthCheck);

    public bool IsRunning => State is ResourceState.Starting or ResourceState.Running or ResourceState.Healthy or ResourceState.Unhealthy;
}

public sealed record ReplicaSnapshot(int? Pid, ResourceState State, IReadOnlyList<string> Urls);
