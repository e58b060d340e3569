using System.Globalization;
using System.Security.Cryptography;
using Parity.Hosting.ApplicationModel;

namespace Parity.Hosting;

/// <summary>
/// Adds the dashboard to a run as a supervised child process (as Aspire does): every resource sends it telemetry
/// over OTLP with this run's API key, and the browser signs in with this run's token. Telemetry is kept in the state
/// folder under one run id for the whole AppHost run, so a restarted dashboard reloads it and the next runs still
/// show the last ones.
/// </summary>
internal static class DashboardResourceBuilder
{
    public const string Name = "parity-dashboard";

    public const string TelemetryFileName = "telemetry.db";

    public static void AddDashboard(this IDistributedApplicationBuilder builder, string stateDirectory)
    {
        var runId = DateTimeOffset.UtcNow.ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture);
        var apiKey = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        var browserToken = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        var dashboard = builder.AddExecutable(Name, "dotnet", builder.AppHostDirectory, ParityTools.PathOf("dashboard"))
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
            .WithEnvironment("Dashboard__OtlpApiKey", apiKey)
            .WithEnvironment("Dashboard__BrowserToken", browserToken)
            .WithHttpHealthCheck("/health", endpointName: DashboardAnnotation.FrontendEndpoint)
            .WithAnnotation(new DashboardAnnotation(apiKey, browserToken));
    }
}
