using Parity.Hosting.ApplicationModel;

namespace Parity.Hosting.Orchestration;

/// <summary>One URL of a resource as shown: an endpoint's (<see cref="Endpoint"/> names it) or one the AppHost added.</summary>
/// <param name="DisplayText">The link's text; null shows the URL itself.</param>
public sealed record ResourceUrlSnapshot(string Url, string? DisplayText, string? Endpoint, int? DisplayOrder, UrlDisplayLocation DisplayLocation)
{
    public bool IsShownInSummary => DisplayLocation == UrlDisplayLocation.SummaryAndDetails;
}
