namespace Parity.Hosting.ApplicationModel;

public sealed class DistributedApplicationModel(IReadOnlyList<IResource> resources)
{
    public IReadOnlyList<IResource> Resources { get; } = resources;

    /// <summary>The dashboard, when the model has one (a run's, or the cluster's with --include-dashboard).</summary>
    public DashboardResource? Dashboard => Resources.OfType<DashboardResource>().FirstOrDefault();

    public IResource? Find(string name) =>
        Resources.FirstOrDefault(r => string.Equals(r.Name, name, StringComparison.OrdinalIgnoreCase));
}
