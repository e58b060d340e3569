using System.CommandLine.Parsing;
using Parity.Hosting.ApplicationModel;

namespace Parity.Hosting.Publishing;

/// <summary>
/// Whether the published artifacts run the dashboard too (<c>publish --include-dashboard</c>, as Aspir8's option, or
/// <c>Parity:IncludeDashboard=true</c> in the AppHost's configuration), with every project exporting telemetry to it.
/// One switch of the core's publish verb, so every extension that publishes (Kubernetes, Compose) reads the same choice.
/// </summary>
public static class PublishedDashboard
{
    public const string OptionName = "--include-dashboard";

    /// <summary>The same choice as configuration, so an AppHost that always publishes the dashboard says so once.</summary>
    public const string ConfigurationKey = "Parity:IncludeDashboard";

    public static bool IsIncluded(AppHostVerbContext context) =>
        context.ParseResult.GetResult(OptionName) is OptionResult given && given.GetValueOrDefault<bool>()
        || bool.TryParse(context.Configuration[ConfigurationKey], out var configured) && configured;

    /// <summary>The model to publish: the AppHost's, with the dashboard's container form when it is included.</summary>
    public static DistributedApplicationModel ModelFor(AppHostVerbContext context) => IsIncluded(context)
        ? new DistributedApplicationModel([.. context.Model.Resources, DashboardResource.ForCluster()])
        : context.Model;
}
