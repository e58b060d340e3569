using Microsoft.Extensions.Logging;
using Parity.Hosting.ApplicationModel;

namespace Parity.Hosting.Orchestration;

/// <summary>
/// The one list of a resource's URLs for a run: each endpoint's URL, then the URLs the AppHost added (WithUrl), then
/// what its WithUrls / WithUrlForEndpoint callbacks made of them, in the order they were declared. A relative URL
/// tied to an endpoint is resolved against it; one tied to none is dropped, with a line in the resource's console.
/// Listed by display order (highest first), otherwise as produced.
/// </summary>
internal static class ResourceUrls
{
    public static async Task<IReadOnlyList<ResourceUrlSnapshot>> ForAsync(
        IResource resource, EndpointAllocation endpoints, IExpressionRenderer renderer, DistributedApplicationExecutionContext executionContext,
        ILogger logger, CancellationToken cancellationToken)
    {
        var urls = new List<ResourceUrlAnnotation>();
        if (resource is IResourceWithEndpoints withEndpoints)
        {
            urls.AddRange(resource.Endpoints().Select(e => new ResourceUrlAnnotation
            {
                Url = EndpointUrl(resource, e, endpoints),
                Endpoint = new EndpointReference(withEndpoints, e.Name),
            }));
        }
        urls.AddRange(resource.AnnotationsOf<ResourceUrlAnnotation>().Select(u => u.WithEndpoint(u.Endpoint)));
        var context = new ResourceUrlsCallbackContext(executionContext, resource, urls, cancellationToken) { Logger = logger, Renderer = renderer };
        foreach (var callback in resource.AnnotationsOf<ResourceUrlsCallbackAnnotation>())
        {
            await callback.Callback(context);
        }

        var shown = new List<ResourceUrlSnapshot>();
        foreach (var url in context.Urls)
        {
            if (Resolve(url, endpoints) is { } absolute)
            {
                shown.Add(new ResourceUrlSnapshot(absolute, url.DisplayText, url.Endpoint?.EndpointName, url.DisplayOrder, url.DisplayLocation));
            }
            else
            {
                logger.LogWarning("The URL '{Url}' is relative and tied to no endpoint, so it is not shown: add it with WithUrlForEndpoint.", url.Url);
            }
        }
        return [.. shown.OrderByDescending(u => u.DisplayOrder ?? 0)];
    }

    private static string EndpointUrl(IResource resource, EndpointAnnotation endpoint, EndpointAllocation endpoints) =>
        $"{endpoint.UriScheme}://localhost:{endpoints.PortOf(resource.Name, endpoint.Name)}";

    private static string? Resolve(ResourceUrlAnnotation url, EndpointAllocation endpoints)
    {
        // On Unix "/swagger" parses as an absolute file path: a path is relative here whatever the platform.
        if (!url.Url.StartsWith('/') && Uri.TryCreate(url.Url, UriKind.Absolute, out _))
        {
            return url.Url;
        }
        if (url.Endpoint is not { Annotation: { } endpoint } reference)
        {
            return null;
        }
        return new Uri(new Uri(EndpointUrl(reference.Resource, endpoint, endpoints)), url.Url).ToString();
    }
}
