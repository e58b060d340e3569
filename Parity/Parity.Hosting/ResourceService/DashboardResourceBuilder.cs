using System.Globalization;
using Parity.Hosting.ApplicationModel;

namespace Parity.Hosting.ResourceService;

/// <summary>
/// Adds the dashboard to a run as a supervised child process (as Aspire does): the <see cref="DashboardResource"/>
/// described for this machine, with keys made for this run and the resource service it reads. All keys are
/// <see cref="RunSecret"/>s, so they are masked wherever the environment is shown. Telemetry is kept in the state
/// folder under one run id for the whole AppHost run, so a restarted dashboard reloads it and the next runs still
/// show the last ones.
/// </summary>
internal static class DashboardResourceBuilder
{
    public const string TelemetryFileName = "telemetry.db";

    public static void AddDashboard(this IDistributedApplicationBuilder builder, ResourceServiceAddress resourceService, string stateDirectory)
    {
        var runId = DateTimeOffset.UtcNow.ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture);
        // Run from its own folder, so that its appsettings.json applies.
        var dll = ParityTools.PathOf(typeof(DistributedApplication), "dashboard", "Parity.Dashboard.dll");
        var dashboard = new DashboardResource("dotnet", Path.GetDirectoryName(dll)!, RunSecret.Generate(), RunSecret.Generate(), inContainer: false);
        builder.AddResource(dashboard)
            .WithArgs(dll)
            .WithEnvironment("Dashboard__StoragePath", Path.Combine(stateDirectory, TelemetryFileName))
            .WithEnvironment("Dashboard__RunId", runId)
            .WithEnvironment("Dashboard__ResourceServiceUrl", ReferenceExpression.Of(resourceService))
            .WithEnvironment("Dashboard__ResourceServiceApiKey", ReferenceExpression.Of(resourceService.ApiKey));
    }
}
