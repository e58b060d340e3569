namespace Parity.Hosting.ApplicationModel;

/// <summary>What a launcher is given for one start of its resource.</summary>
public sealed class NativeLaunchContext(
    IResource resource, string dataDirectory, bool isPersistent, string? runAsUser, IExpressionRenderer renderer, Func<int> allocatePort,
    IReadOnlyDictionary<string, string>? environment = null)
{
    public IResource Resource { get; } = resource;

    /// <summary>Where the service keeps its data: a data volume, or a fresh folder deleted at stop.</summary>
    public string DataDirectory { get; } = dataDirectory;

    public bool IsPersistent { get; } = isPersistent;

    /// <summary>
    /// The environment of the resource's launch description, rendered for this machine: the process is started with
    /// it (the dashboard shows it), plus only the non-secret settings of the launcher's own.
    /// </summary>
    public IReadOnlyDictionary<string, string> Environment { get; } = environment ?? new Dictionary<string, string>();

    /// <summary>Set when the AppHost runs as root and the service must run as this user instead.</summary>
    public string? RunAsUser { get; } = runAsUser;

    /// <summary>Renders a value of the model for this machine (ports, passwords).</summary>
    public string Render(ReferenceExpression expression) => expression.Render(renderer);

    public string Render(IExpressionValue value) => ReferenceExpression.Of(value).Render(renderer);

    /// <summary>A free loopback port for something the launcher runs beside the service (not an endpoint of the model).</summary>
    public int AllocatePort() => allocatePort();

    /// <summary>This context for one launch, with that launch's environment.</summary>
    public NativeLaunchContext WithEnvironment(IReadOnlyDictionary<string, string> launchEnvironment) =>
        new(Resource, DataDirectory, IsPersistent, RunAsUser, renderer, allocatePort, launchEnvironment);

    public int PortOf(string endpointName) =>
        int.Parse(Render(new EndpointReference((IResourceWithEndpoints)Resource, endpointName).Port), System.Globalization.CultureInfo.InvariantCulture);
}
