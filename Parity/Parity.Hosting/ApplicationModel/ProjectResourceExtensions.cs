namespace Parity.Hosting.ApplicationModel;

public static class ProjectResourceExtensions
{
    public static IEnumerable<ProjectResource> GetProjectResources(this DistributedApplicationModel model) =>
        model.Resources.OfType<ProjectResource>();
}
