namespace Parity.Hosting.ApplicationModel;

public sealed class DistributedApplicationModel(IReadOnlyList<IResource> resources)
{
    public IReadOnlyList<IResource> Resources { get; } = resources;

    /// <summary>The dashboard of a run, with its keys; null when the run has none.</summary>
    public (IResource Resource, DashboardAnnotation Keys)? Dashboard => Resources
        .Select(r => (Resource: r, Keys: r.AnnotationsOf<DashboardAnnotation>().FirstOrDefault()))
        .Where(d => d.Keys is not null)
        .Select(d => ((IResource, DashboardAnnotation)?)(d.Resource, d.Keys!))
        .FirstOrDefault();

    public IResource? Find(string name) =>
        Resources.FirstOrDefault(r => string.Equals(r.Name, name, StringComparison.OrdinalIgnoreCase));
}
