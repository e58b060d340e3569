namespace Parity.Hosting.ApplicationModel;

/// <summary>The lifetime declared with <c>WithLifetime</c>; a container without one lives for the session.</summary>
public sealed record ContainerLifetimeAnnotation(ContainerLifetime Lifetime) : IResourceAnnotation;
