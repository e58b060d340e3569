namespace Parity.Hosting.ApplicationModel;

/// <summary>An HTTP GET on one endpoint that must answer <see cref="StatusCode"/> for the resource to be healthy.</summary>
public sealed record HttpHealthCheckAnnotation(string EndpointName, string Path, int StatusCode = 200) : IResourceAnnotation;
