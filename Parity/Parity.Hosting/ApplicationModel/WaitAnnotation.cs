namespace Parity.Hosting.ApplicationModel;

public enum WaitType
{
    /// <summary>Until the dependency is healthy (or running, when it declares no health check).</summary>
    WaitUntilHealthy,

    /// <summary>Until the dependency has exited with the expected code.</summary>
    WaitUntilCompleted,
}

public sealed record WaitAnnotation(IResource Resource, WaitType WaitType, int ExitCode = 0) : IResourceAnnotation;
