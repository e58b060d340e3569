using Microsoft.Extensions.Logging;
using Parity.Hosting.ApplicationModel;

namespace Parity.Hosting;

/// <summary>
/// The URLs shown for a resource. Every endpoint gets one of its own; these add more or change them. Callbacks run once
/// the endpoints have their ports, before the resource starts.
/// </summary>
public static class UrlBuilderExtensions
{
    /// <summary>Adds a URL; an absolute one, or relative and tied to an endpoint by <see cref="WithUrlForEndpoint{T}(IResourceBuilder{T}, string, Func{EndpointReference, ResourceUrlAnnotation})"/>.</summary>
    public static IResourceBuilder<T> WithUrl<T>(this IResourceBuilder<T> builder, string url, string? displayText = null) where T : IResource
    {
        ArgumentNullException.ThrowIfNull(url);
        return builder.WithAnnotation(new ResourceUrlAnnotation { Url = url, DisplayText = displayText });
    }

    /// <summary>Adds a URL built from an expression, e.g. <c>$"{endpoint}/swagger"</c>; it belongs to the first endpoint it names.</summary>
    public static IResourceBuilder<T> WithUrl<T>(this IResourceBuilder<T> builder, in ReferenceExpression.ExpressionInterpolatedStringHandler url, string? displayText = null)
        where T : IResource =>
        builder.WithUrl(ReferenceExpression.Create(url), displayText);

    public static IResourceBuilder<T> WithUrl<T>(this IResourceBuilder<T> builder, ReferenceExpression url, string? displayText = null) where T : IResource
    {
        ArgumentNullException.ThrowIfNull(url);
        var endpoint = url.ValueProviders.OfType<EndpointReference>().FirstOrDefault()
            ?? url.ValueProviders.OfType<EndpointReferenceExpression>().Select(e => e.Endpoint).FirstOrDefault();
        return builder.WithAnnotation(new ResourceUrlsCallbackAnnotation(context =>
        {
            var value = url.Render(context.Renderer);
            if (value.Length > 0)
            {
                context.Urls.Add(new ResourceUrlAnnotation { Url = value, DisplayText = displayText, Endpoint = endpoint });
            }
        }));
    }

    public static IResourceBuilder<T> WithUrls<T>(this IResourceBuilder<T> builder, Action<ResourceUrlsCallbackContext> callback) where T : IResource =>
        builder.WithAnnotation(new ResourceUrlsCallbackAnnotation(callback));

    public static IResourceBuilder<T> WithUrls<T>(this IResourceBuilder<T> builder, Func<ResourceUrlsCallbackContext, Task> callback) where T : IResource =>
        builder.WithAnnotation(new ResourceUrlsCallbackAnnotation(callback));

    /// <summary>
    /// Changes the URL of one endpoint: its text, its place, or its path (<c>u => u.Url = "/swagger"</c> is resolved
    /// against the endpoint). A missing endpoint is reported in the resource's console output.
    /// </summary>
    public static IResourceBuilder<T> WithUrlForEndpoint<T>(this IResourceBuilder<T> builder, string endpointName, Action<ResourceUrlAnnotation> callback)
        where T : IResource
    {
        ArgumentNullException.ThrowIfNull(callback);
        return builder.WithUrls(context =>
        {
            if (context.Urls.FirstOrDefault(u => string.Equals(u.Endpoint?.EndpointName, endpointName, StringComparison.OrdinalIgnoreCase)) is { } url)
            {
                callback(url);
            }
            else
            {
                context.Logger.LogWarning("No URL to customize: resource '{Resource}' has no endpoint named '{Endpoint}'.", builder.Resource.Name, endpointName);
            }
        });
    }

    /// <summary>Adds another URL for an endpoint (<c>ep => new() { Url = "/admin", DisplayText = "Admin" }</c>).</summary>
    public static IResourceBuilder<T> WithUrlForEndpoint<T>(this IResourceBuilder<T> builder, string endpointName, Func<EndpointReference, ResourceUrlAnnotation> callback)
        where T : IResourceWithEndpoints
    {
        ArgumentNullException.ThrowIfNull(callback);
        return builder.WithUrls(context =>
        {
            var endpoint = builder.GetEndpoint(endpointName);
            if (endpoint.Exists)
            {
                context.Urls.Add(callback(endpoint).WithEndpoint(endpoint));
            }
            else
            {
                context.Logger.LogWarning("No URL added: resource '{Resource}' has no endpoint named '{Endpoint}'.", builder.Resource.Name, endpointName);
            }
        });
    }
}
