namespace Parity.Hosting.ApplicationModel;

/// <summary>What a resource waiting for another does when that one fails to start or stops before it is ready.</summary>
public enum WaitBehavior
{
    /// <summary>Keep waiting: the dependency may yet start (after a restart, or a start command).</summary>
    WaitOnResourceUnavailable,

    /// <summary>Give up: the waiting resource fails to start, naming the dependency. The default.</summary>
    StopOnResourceUnavailable,
}
