namespace Parity.Hosting.Kubernetes;

/// <param name="Registry">Overrides the registry the overlay's image names carry.</param>
/// <param name="Tag">Overrides the tag the overlay pulls.</param>
public sealed record DeployOptions(string Overlay, string? Context = null, bool DryRun = false, string? Registry = null, string? Tag = null);
