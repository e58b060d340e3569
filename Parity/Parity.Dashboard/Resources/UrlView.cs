using System.Text.Json.Serialization;

namespace Parity.Dashboard.Resources;

/// <summary>One URL of a resource; <see cref="DisplayLocation"/> is SummaryAndDetails or DetailsOnly (shown only in its details).</summary>
public sealed record UrlView(string Url, string? DisplayText, string? Endpoint, int? DisplayOrder, string DisplayLocation)
{
    [JsonIgnore]
    public bool IsShownInSummary => DisplayLocation != "DetailsOnly";

    [JsonIgnore]
    public string Text => string.IsNullOrEmpty(DisplayText) ? Url : DisplayText;
}
