using Parity.Hosting.ApplicationModel;

namespace Parity.Hosting.Orchestration;

/// <summary>When a WaitFor / WaitForCompletion is over, and whether the dependent may start.</summary>
internal static class WaitConditions
{
    /// <summary>Nothing more will change for the wait: it is satisfied, or its dependency failed in a way it does not wait out.</summary>
    public static bool IsSettledBy(this WaitAnnotation wait, ResourceSnapshot s) =>
        wait.IsSatisfiedBy(s) || (s.State == ResourceState.FailedToStart && wait.WaitBehavior != WaitBehavior.WaitOnResourceUnavailable)
        || (wait.WaitType == WaitType.WaitUntilCompleted && s.State is ResourceState.Exited or ResourceState.Finished && s.ExitCode is not null);

    /// <summary>The dependency is ready (WaitFor), or ended with the expected exit code (WaitForCompletion).</summary>
    public static bool IsSatisfiedBy(this WaitAnnotation wait, ResourceSnapshot s) => wait.WaitType == WaitType.WaitUntilHealthy
        ? s.IsReady
        : s.State is ResourceState.Finished or ResourceState.Exited && s.ExitCode == wait.ExitCode;
}
