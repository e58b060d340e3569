using Parity.Hosting.ApplicationModel;

namespace Parity.Hosting.ResourceService;

/// <summary>
/// Where the dashboard reaches this run's resource service, and the key it must present. Created with the model
/// (the dashboard's environment refers to it), while the URL is known only once the server has bound its port,
/// which happens before any resource starts: so the URL is an expression value rendered at launch.
/// </summary>
internal sealed class ResourceServiceAddress : IExpressionValue
{
    public const string ApiKeyHeader = "x-resource-service-api-key";

    public RunSecret ApiKey { get; } = RunSecret.Generate();

    /// <summary>The base URL (<c>http://127.0.0.1:port</c>); null until the server listens.</summary>
    public string? Url { get; set; }

    public bool IsSecret => false;

    public IEnumerable<IResource> References => [];

    public string Render(IExpressionRenderer renderer) =>
        Url ?? throw new InvalidOperationException("The resource service is not listening yet: it must start before the dashboard.");
}
