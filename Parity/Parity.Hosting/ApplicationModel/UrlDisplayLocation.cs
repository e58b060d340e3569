namespace Parity.Hosting.ApplicationModel;

/// <summary>Where a resource's URL is shown.</summary>
public enum UrlDisplayLocation
{
    /// <summary>In the resource list (and the console's table) as well as in the resource's details.</summary>
    SummaryAndDetails,

    /// <summary>Only where a resource's full details are shown (its expanded row, <c>parity describe</c>).</summary>
    DetailsOnly,
}
