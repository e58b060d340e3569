namespace Parity.Hosting.ApplicationModel;

/// <summary>
/// A URL shown for a resource (on the dashboard, in run.json, by the CLI). An endpoint's own URL is one of these too,
/// with <see cref="Endpoint"/> set; a relative <see cref="Url"/> tied to an endpoint is resolved against that endpoint.
/// </summary>
public sealed class ResourceUrlAnnotation : IResourceAnnotation
{
    /// <summary>The link's target.</summary>
    public required string Url { get; set; }

    /// <summary>The link's text; the URL itself when null.</summary>
    public string? DisplayText { get; set; }

    /// <summary>The endpoint the URL belongs to, or null for a URL of its own.</summary>
    public EndpointReference? Endpoint { get; init; }

    /// <summary>Higher values are listed first; URLs without one keep their order among those with 0.</summary>
    public int? DisplayOrder { get; set; }

    public UrlDisplayLocation DisplayLocation { get; set; } = UrlDisplayLocation.SummaryAndDetails;

    /// <summary>A copy, tied to <paramref name="endpoint"/>: a run changes its copies, never the model's annotations.</summary>
    internal ResourceUrlAnnotation WithEndpoint(EndpointReference? endpoint) => new()
    {
        Url = Url,
        DisplayText = DisplayText,
        Endpoint = endpoint,
        DisplayOrder = DisplayOrder,
        DisplayLocation = DisplayLocation,
    };
}
