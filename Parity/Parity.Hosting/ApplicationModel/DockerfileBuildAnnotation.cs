namespace Parity.Hosting.ApplicationModel;

/// <summary>
/// The resource is published as an image built from a Dockerfile (<c>dockerfile.v0</c> in the manifest; a Deployment
/// of that image in the cluster, built by <c>deploy</c>). Paths are absolute.
/// </summary>
public sealed record DockerfileBuildAnnotation(string ContextPath, string DockerfilePath) : IResourceAnnotation;
