namespace Parity.Hosting.ApplicationModel;

/// <summary>How long a container lives: with the AppHost's run, or beyond it.</summary>
public enum ContainerLifetime
{
    /// <summary>Started with the run and removed when it stops.</summary>
    Session,

    /// <summary>Kept when the run stops and reused by the next one.</summary>
    Persistent,
}
