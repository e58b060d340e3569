namespace Parity.Hosting.ApplicationModel;

public enum WaitType
{
    /// <summary>Until the dependency is healthy (or running, when it declares no health check).</summary>
    WaitUntilHealthy,

    /// <summary>Until the dependency has exited with the expected code.</summary>
    WaitUntilCompleted,
}

/// <param name="WaitBehavior">For <see cref="WaitType.WaitUntilHealthy"/>: whether an unavailable dependency fails the waiting resource (the default) or it keeps waiting.</param>
public sealed record WaitAnnotation(IResource Resource, WaitType WaitType, int ExitCode = 0, WaitBehavior? WaitBehavior = null) : IResourceAnnotation;
