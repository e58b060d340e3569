namespace Parity.Hosting.Kubernetes;

/// <param name="Registry">Overrides the registry the overlay's image names carry.</param>
/// <param name="Tag">Overrides the tag the overlay pulls.</param>
/// <param name="NoBuild">Builds no image: the overlay's images are built and pushed already.</param>
/// <param name="WaitTimeout">With <c>--wait</c>: how long to wait for each workload to roll out or complete; null not to wait.</param>
public sealed record DeployOptions(
    string Overlay, string? Context = null, bool DryRun = false, string? Registry = null, string? Tag = null, TimeSpan? WaitTimeout = null, bool NoBuild = false);
