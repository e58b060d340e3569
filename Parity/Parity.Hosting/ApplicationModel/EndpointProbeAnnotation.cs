namespace Parity.Hosting.ApplicationModel;

/// <summary>An HTTP GET probe on one endpoint of the resource: published as the container's probe of its type.</summary>
public sealed class EndpointProbeAnnotation : ProbeAnnotation
{
    public required EndpointReference EndpointReference { get; init; }

    public required string Path { get; init; }
}
