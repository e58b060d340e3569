namespace Parity.Hosting.ApplicationModel;

/// <summary>An environment variable the user set with WithEnvironment; later ones win.</summary>
public sealed record EnvironmentAnnotation(string Name, ReferenceExpression Value) : IResourceAnnotation;
