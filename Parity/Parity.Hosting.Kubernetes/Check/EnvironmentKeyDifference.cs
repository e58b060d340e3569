namespace Parity.Hosting.Kubernetes;

/// <summary>A key one target gives a resource's process and the other does not.</summary>
public sealed record EnvironmentKeyDifference(string Resource, string Key, bool Local, bool Cluster);
