namespace Parity.Hosting.Kubernetes;

/// <summary>Which way <see cref="ReleaseVerbs"/> moves a release.</summary>
public enum ReleaseDirection
{
    Promote,
    Rollback,
}
