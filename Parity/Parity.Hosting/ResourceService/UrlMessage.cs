namespace Parity.Hosting.ResourceService;

/// <summary>One URL of a resource on the wire (the dashboard's <c>UrlView</c>); <see cref="DisplayLocation"/> is SummaryAndDetails or DetailsOnly.</summary>
internal sealed record UrlMessage(string Url, string? DisplayText, string? Endpoint, int? DisplayOrder, string DisplayLocation);
