namespace Parity.Hosting.ApplicationModel;

/// <summary>Everything needed to start one process: rendered for this machine, nothing left to resolve.</summary>
public sealed record ProcessSpec(string FileName, IReadOnlyList<string> Args, string WorkingDirectory, IReadOnlyDictionary<string, string> Environment)
{
    /// <summary>Written to the process's standard input, which is then closed (keeps secrets out of <c>ps</c>).</summary>
    public string? StandardInput { get; init; }

    /// <summary>The user the process runs as when the AppHost runs as root (servers that refuse root).</summary>
    public string? RunAsUser { get; init; }

    /// <summary>
    /// What the process creates is its user's alone (umask 077): the engine sets it for the servers native launchers
    /// start, whose data may sit in the AppHost's state folder.
    /// </summary>
    public bool PrivateFiles { get; init; }

    /// <summary>The signal that asks the process to stop gracefully (SIGTERM = 15; PostgreSQL's fast shutdown is SIGINT = 2).</summary>
    public int StopSignal { get; init; } = 15;

    /// <summary>
    /// Run to stop the process instead of sending <see cref="StopSignal"/>, when the process only relays for what does
    /// the work (a container's client: the runtime stops the container); the process is still killed after the grace period.
    /// </summary>
    public ProcessSpec? StopCommand { get; init; }

    /// <summary>The signal (by name) the kernel sends the process when the AppHost dies, however it dies.</summary>
    public string DeathSignal { get; init; } = "KILL";

    /// <summary>Processes started before this one and stopped after it (e.g. RabbitMQ's own epmd).</summary>
    public IReadOnlyList<ProcessSpec> Companions { get; init; } = [];
}
