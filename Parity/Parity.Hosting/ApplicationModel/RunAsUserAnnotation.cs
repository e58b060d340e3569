namespace Parity.Hosting.ApplicationModel;

/// <summary>When the AppHost runs as root, the resource's process runs as this user (servers that refuse root).</summary>
public sealed record RunAsUserAnnotation(string User) : IResourceAnnotation;
