using System.CommandLine;
using Parity.Hosting.ApplicationModel;
using Parity.Hosting.Publishing;
using Parity.Hosting.Verbs;

namespace Parity.Hosting.Kubernetes;

/// <summary>
/// What this package adds to the AppHost's verbs: <c>publish</c> also writes deploy/kubernetes/ (alone with
/// <c>--format kubernetes</c>); <c>parity</c> checks that the local run and an overlay give every process the same
/// environment keys; <c>deploy</c> builds the images and applies an overlay (or, with <c>--ephemeral</c>, an environment of
/// its own that <c>ps --ephemeral</c> lists and <c>destroy --ephemeral</c> deletes). With <c>--include-dashboard</c> (see
/// <see cref="PublishedDashboard"/>) the cluster also runs the dashboard and every project exports telemetry to it.
/// </summary>
public sealed class KubernetesExtension : IAppHostExtension
{
    /// <summary>The application's name in the cluster (namespaces <c>NAME-dev</c>, ..., Secret <c>NAME-secrets</c>).</summary>
    public const string AppNameKey = "Parity:AppName";

    public const string DefaultAppName = "app";

    /// <summary>The same choice as configuration, so an AppHost that always publishes the dashboard says so once.</summary>
    public const string IncludeDashboardKey = PublishedDashboard.ConfigurationKey;

    /// <summary>How far each overlay's ResourceQuota stands above what its workloads use at their peak, in percent.</summary>
    public const string QuotaHeadroomKey = "Parity:QuotaHeadroomPercent";

    public string Format => "kubernetes";

    public IReadOnlyList<AppHostVerb> Verbs { get; } = [
        ParityCheck.CreateVerb(), DeployCommand.CreateVerb(), PolicyCheck.CreateVerb(), ReleaseVerbs.CreatePromoteVerb(), ReleaseVerbs.CreateRollbackVerb(),
        DestroyCommand.CreateVerb(), EphemeralEnvironmentList.CreateVerb(),
    ];

    public IReadOnlyList<Option> PublishOptions { get; } = [];

    public IEnumerable<string> Publish(AppHostVerbContext context, string outputDirectory)
    {
        return [KubernetesPublisher.Write(PublishedDashboard.ModelFor(context), outputDirectory, context.Configuration[AppNameKey] ?? DefaultAppName, QuotaHeadroom(context.Configuration[QuotaHeadroomKey]))];
    }

    private static int QuotaHeadroom(string? configured) => configured switch
    {
        null => NamespaceQuotas.DefaultHeadroomPercent,
        _ when int.TryParse(configured, out var percent) && percent >= 0 => percent,
        _ => throw new DistributedApplicationException($"{QuotaHeadroomKey} is '{configured}': give a whole number of percent, 0 or more (the default is {NamespaceQuotas.DefaultHeadroomPercent})."),
    };
}
