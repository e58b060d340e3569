namespace Parity.Hosting;

public sealed class DistributedApplicationOptions
{
    public string[] Args { get; set; } = [];

    /// <summary>Where run.json, generated secrets and volumes live; defaults to <c>&lt;AppHost&gt;/.parity</c>.</summary>
    public string? StateDirectory { get; set; }

    /// <summary>Ignore fixed ports and allocate free ones (tests run many apps side by side).</summary>
    public bool RandomizePorts { get; set; }

    /// <summary>Run without the dashboard (and so without telemetry export).</summary>
    public bool DisableDashboard { get; set; }

    /// <summary>Echo every resource's console output, prefixed by its name.</summary>
    public bool PrintResourceOutput { get; set; } = true;

    /// <summary>
    /// The program that runs containers locally: <c>docker</c>, <c>podman</c> or a path; null picks docker, else podman,
    /// from PATH. Also set by <c>Parity:ContainerRuntime</c> or Aspire's <c>ASPIRE_CONTAINER_RUNTIME</c>.
    /// </summary>
    public string? ContainerRuntime { get; set; }

    /// <summary>
    /// Watch mode (<c>--watch</c>, or <c>Parity:Watch</c>): a change to a project's sources rebuilds that project and
    /// swaps its processes one at a time, with no downtime; nothing else restarts.
    /// </summary>
    public bool Watch { get; set; }

    /// <summary>
    /// Whether resources declared persistent outlive the run (the default), or live for the session like the others:
    /// the testing builder turns it off, as a test's state folder is temporary and nothing could adopt them.
    /// </summary>
    public bool KeepPersistentResources { get; set; } = true;

    /// <summary>
    /// Whether a local run compiles the .NET apps it starts ahead of time (ReadyToRun), in the background once per build,
    /// so that their next start runs native code (also <c>Parity:ReadyToRun</c>). Never under a debugger; the testing
    /// builder turns it off, as a test's state folder is temporary.
    /// </summary>
    public bool ReadyToRun { get; set; } = true;

    /// <summary>How long a resource may take to stop after the graceful signal before it is killed.</summary>
    public TimeSpan StopGracePeriod { get; set; } = TimeSpan.FromSeconds(5);
}
