namespace Parity.Hosting.ApplicationModel;

/// <summary>
/// The version of a backing service installed on this machine (as precise as its image tag, e.g. "15" or "3.10"),
/// to compare with the cluster image; read only when publishing, null when it cannot be told.
/// </summary>
public sealed record LocalVersionAnnotation(Func<string?> Version) : IResourceAnnotation;
