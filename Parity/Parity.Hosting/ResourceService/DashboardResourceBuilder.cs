using System.Globalization;
using Parity.Hosting.ApplicationModel;

namespace Parity.Hosting.ResourceService;

/// <summary>
/// Adds the dashboard to a run as a supervised child process (as Aspire does): every resource sends it telemetry
/// over OTLP with this run's API key, the browser signs in with this run's token, and it reads the resources from
/// this run's resource service. All three keys are <see cref="RunSecret"/>s, so they are masked wherever the
/// environment is shown. Telemetry is kept in the state folder under one run id for the whole AppHost run, so a
/// restarted dashboard reloads it and the next runs still show the last ones.
/// </summary>
internal static class DashboardResourceBuilder
{
    public const string Name = "parity-dashboard";

    public const string TelemetryFileName = "telemetry.db";

    public static void AddDashboard(this IDistributedApplicationBuilder builder, ResourceServiceAddress resourceService, string stateDirectory)
    {
        var runId = DateTimeOffset.UtcNow.ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture);
        var apiKey = RunSecret.Generate();
        var browserToken = RunSecret.Generate();
        // Run from its own folder, so that its appsettings.json applies.
        var dll = ParityTools.PathOf(typeof(DistributedApplication), "dashboard", "Parity.Dashboard.dll");
        var dashboard = builder.AddExecutable(Name, "dotnet", Path.GetDirectoryName(dll)!, dll)
            .WithHttpEndpoint(name: DashboardAnnotation.FrontendEndpoint)
            .WithEndpoint(scheme: "http", name: DashboardAnnotation.OtlpGrpcEndpoint)
            .WithEndpoint(scheme: "http", name: "otlp-http");
        dashboard
            .WithArgs(
                ReferenceExpression.Create($"--Dashboard:FrontendUrl=http://127.0.0.1:{dashboard.GetEndpoint(DashboardAnnotation.FrontendEndpoint).Port}"),
                ReferenceExpression.Create($"--Dashboard:OtlpGrpcUrl=http://127.0.0.1:{dashboard.GetEndpoint(DashboardAnnotation.OtlpGrpcEndpoint).Port}"),
                ReferenceExpression.Create($"--Dashboard:OtlpHttpUrl=http://127.0.0.1:{dashboard.GetEndpoint("otlp-http").Port}"),
                $"--Dashboard:StoragePath={Path.Combine(stateDirectory, TelemetryFileName)}",
                $"--Dashboard:RunId={runId}")
            .WithEnvironment("Dashboard__OtlpApiKey", ReferenceExpression.Of(apiKey))
            .WithEnvironment("Dashboard__BrowserToken", ReferenceExpression.Of(browserToken))
            .WithEnvironment("Dashboard__ResourceServiceUrl", ReferenceExpression.Of(resourceService))
            .WithEnvironment("Dashboard__ResourceServiceApiKey", ReferenceExpression.Of(resourceService.ApiKey))
            .WithHttpHealthCheck("/health", endpointName: DashboardAnnotation.FrontendEndpoint)
            .WithAnnotation(new DashboardAnnotation(apiKey, browserToken));
    }
}
