namespace Parity.Hosting.ApplicationModel;

/// <summary>
/// A container image (<see cref="ContainerImageAnnotation"/>), run as that image in the cluster. Locally, a backing
/// service whose integration attaches an <see cref="INativeLauncher"/> runs as a native process; any other container
/// runs with docker or podman.
/// </summary>
public class ContainerResource(string name)
    : Resource(name), IResourceWithEnvironment, IResourceWithEndpoints, IResourceWithArgs, IResourceWithWaitSupport;
