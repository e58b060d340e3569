namespace Parity.Hosting.ApplicationModel;

/// <summary>
/// A backing service: a container image in the cluster (<see cref="ContainerImageAnnotation"/>) and, locally,
/// a native process run by its integration's <see cref="INativeLauncher"/>.
/// </summary>
public class ContainerResource(string name)
    : Resource(name), IResourceWithEnvironment, IResourceWithEndpoints, IResourceWithArgs, IResourceWithWaitSupport;
