namespace Parity.Hosting.ApplicationModel;

public enum RestartPolicy
{
    /// <summary>Restart after a crash (a non-zero exit), with exponential backoff.</summary>
    OnFailure,

    /// <summary>Never restart: run-once resources (migrations, seeders).</summary>
    Never,
}

/// <summary>Without it, a resource that another waits on with WaitForCompletion is run-once; any other restarts on failure.</summary>
public sealed record RestartPolicyAnnotation(RestartPolicy Policy) : IResourceAnnotation;
