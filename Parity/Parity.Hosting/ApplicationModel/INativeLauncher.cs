namespace Parity.Hosting.ApplicationModel;

/// <summary>
/// How a backing service runs as a native process on this machine. An integration attaches one to its resource;
/// the orchestrator knows integrations only through it.
/// </summary>
public interface INativeLauncher : IResourceAnnotation
{
    /// <summary>Prepares configuration and data (e.g. initdb) and returns the process to start.</summary>
    Task<ProcessSpec> PrepareAsync(NativeLaunchContext context, CancellationToken cancellationToken);

    /// <summary>True once the service does authenticated work; may create what it must hold first (databases).</summary>
    Task<bool> IsReadyAsync(NativeLaunchContext context, CancellationToken cancellationToken);
}
