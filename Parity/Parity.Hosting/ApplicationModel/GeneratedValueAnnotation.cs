namespace Parity.Hosting.ApplicationModel;

/// <summary>A parameter whose value, when none is configured, is generated once per machine and kept (0600) in the state folder.</summary>
public sealed record GeneratedValueAnnotation(int Length) : IResourceAnnotation;
