namespace Parity.Hosting.ApplicationModel;

public class ProjectResource(string name)
    : Resource(name), IResourceWithEnvironment, IResourceWithArgs, IResourceWithServiceDiscovery, IResourceWithWaitSupport
{
    public IProjectMetadata Metadata => this.AnnotationsOf<IProjectMetadata>().Single();
}
