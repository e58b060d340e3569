using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Parity.Hosting.ApplicationModel;

/// <summary>What a <c>WithUrls</c> callback works on: the resource's URLs so far, its endpoints, and where it runs.</summary>
public class ResourceUrlsCallbackContext(
    DistributedApplicationExecutionContext executionContext, IResource resource, List<ResourceUrlAnnotation>? urls = null, CancellationToken cancellationToken = default)
{
    public IResource Resource { get; } = resource;

    /// <summary>The URLs shown for the resource: its endpoints' first, then those added so far. Change them in place.</summary>
    public List<ResourceUrlAnnotation> Urls { get; } = urls ?? [];

    public CancellationToken CancellationToken { get; } = cancellationToken;

    /// <summary>Writes to the resource's console output.</summary>
    public ILogger Logger { get; set; } = NullLogger.Instance;

    public DistributedApplicationExecutionContext ExecutionContext { get; } = executionContext ?? throw new ArgumentNullException(nameof(executionContext));

    /// <summary>Renders expressions for where the URLs are shown: this machine.</summary>
    internal IExpressionRenderer Renderer { get; init; } = null!;

    /// <summary>An endpoint of the resource, or null when the resource has no endpoints.</summary>
    public EndpointReference? GetEndpoint(string name) =>
        Resource is IResourceWithEndpoints withEndpoints ? new EndpointReference(withEndpoints, name) : null;
}
