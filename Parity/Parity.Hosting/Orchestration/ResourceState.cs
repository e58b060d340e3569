namespace Parity.Hosting.Orchestration;

public enum ResourceState
{
    NotStarted,
    Waiting,
    Starting,
    Running,
    Healthy,
    Unhealthy,

    /// <summary>Stopped, or crashed (the exit code says which).</summary>
    Exited,

    /// <summary>Ran to completion with exit code 0.</summary>
    Finished,
    FailedToStart,
}
