using k8s.Models;
using Parity.Hosting.ApplicationModel;

namespace Parity.Hosting.Kubernetes;

/// <summary>The probes a resource declares with WithHttpProbe, as a container's probes; each overrides the default of its type.</summary>
internal static class DeclaredProbes
{
    public static V1Probe? Of(IResource resource, ProbeType type) =>
        resource.AnnotationsOf<EndpointProbeAnnotation>().LastOrDefault(p => p.Type == type) is { } probe
            ? new V1Probe
            {
                HttpGet = new V1HTTPGetAction
                {
                    Path = probe.Path,
                    Port = probe.EndpointReference.EndpointName,
                    Scheme = probe.EndpointReference.Scheme == "https" ? "HTTPS" : null,
                },
                InitialDelaySeconds = probe.InitialDelaySeconds,
                PeriodSeconds = probe.PeriodSeconds,
                TimeoutSeconds = probe.TimeoutSeconds,
                FailureThreshold = probe.FailureThreshold,
                SuccessThreshold = probe.SuccessThreshold,
            }
            : null;
}
