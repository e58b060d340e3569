namespace Parity.Hosting.ApplicationModel;

/// <summary>A probe of a resource, with Kubernetes' timing settings.</summary>
public abstract class ProbeAnnotation : IResourceAnnotation
{
    public required ProbeType Type { get; init; }

    public int InitialDelaySeconds { get; init; }

    public int PeriodSeconds { get; init; }

    public int TimeoutSeconds { get; set; }

    /// <summary>Failures in a row before the probe counts as failed.</summary>
    public int FailureThreshold { get; init; }

    /// <summary>Successes in a row before a failed probe counts as passing again.</summary>
    public int SuccessThreshold { get; init; }
}
