using Parity.Hosting.ApplicationModel;

namespace Parity.Hosting.ResourceService;

/// <summary>
/// Adds the dashboard to a run as a supervised child process (as Aspire does): every resource sends it telemetry
/// over OTLP with this run's API key, the browser signs in with this run's token, and it reads the resources from
/// this run's resource service. All three keys are <see cref="RunSecret"/>s, so they are masked wherever the
/// environment is shown.
/// </summary>
internal static class DashboardResourceBuilder
{
    public const string Name = "parity-dashboard";

    public static void AddDashboard(this IDistributedApplicationBuilder builder, ResourceServiceAddress resourceService)
    {
        var apiKey = RunSecret.Generate();
        var browserToken = RunSecret.Generate();
        var dashboard = builder.AddExecutable(Name, "dotnet", builder.AppHostDirectory, ParityTools.PathOf("dashboard"))
            .WithHttpEndpoint(name: DashboardAnnotation.FrontendEndpoint)
            .WithEndpoint(scheme: "http", name: DashboardAnnotation.OtlpGrpcEndpoint)
            .WithEndpoint(scheme: "http", name: "otlp-http");
        dashboard
            .WithArgs(
                ReferenceExpression.Create($"--Dashboard:FrontendUrl=http://127.0.0.1:{dashboard.GetEndpoint(DashboardAnnotation.FrontendEndpoint).Port}"),
                ReferenceExpression.Create($"--Dashboard:OtlpGrpcUrl=http://127.0.0.1:{dashboard.GetEndpoint(DashboardAnnotation.OtlpGrpcEndpoint).Port}"),
                ReferenceExpression.Create($"--Dashboard:OtlpHttpUrl=http://127.0.0.1:{dashboard.GetEndpoint("otlp-http").Port}"))
            .WithEnvironment("Dashboard__OtlpApiKey", ReferenceExpression.Of(apiKey))
            .WithEnvironment("Dashboard__BrowserToken", ReferenceExpression.Of(browserToken))
            .WithEnvironment("Dashboard__ResourceServiceUrl", ReferenceExpression.Of(resourceService))
            .WithEnvironment("Dashboard__ResourceServiceApiKey", ReferenceExpression.Of(resourceService.ApiKey))
            .WithHttpHealthCheck("/health", endpointName: DashboardAnnotation.FrontendEndpoint)
            .WithAnnotation(new DashboardAnnotation(apiKey, browserToken));
    }
}
