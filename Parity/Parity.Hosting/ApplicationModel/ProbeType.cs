namespace Parity.Hosting.ApplicationModel;

/// <summary>The Kubernetes probe kinds: whether the container has started, may take traffic, is still alive.</summary>
public enum ProbeType
{
    Startup = 0,
    Readiness = 1,
    Liveness = 2,
}
