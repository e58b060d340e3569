namespace Parity.Dashboard.Configuration;

/// <summary>The <c>Dashboard</c> configuration section.</summary>
public sealed class DashboardOptions
{
    public const string SectionName = "Dashboard";

    public string OtlpGrpcUrl { get; set; } = "http://127.0.0.1:4317";

    public string OtlpHttpUrl { get; set; } = "http://127.0.0.1:4318";

    public string FrontendUrl { get; set; } = "http://127.0.0.1:18888";

    public string? OtlpApiKey { get; set; }

    public AuthMode OtlpAuthMode { get; set; } = AuthMode.ApiKey;

    public string? BrowserToken { get; set; }

    public AuthMode FrontendAuthMode { get; set; } = AuthMode.BrowserToken;

    /// <summary>The AppHost's resource service (<c>http://127.0.0.1:port</c>); none when the dashboard runs standalone.</summary>
    public string? ResourceServiceUrl { get; set; }

    /// <summary>The key the resource service expects, given by the AppHost for its run.</summary>
    public string? ResourceServiceApiKey { get; set; }

    public int MaxLogs { get; set; } = 10_000;

    public int MaxTraces { get; set; } = 10_000;

    public int MaxMetricPoints { get; set; } = 50_000;

    /// <summary>The SQLite file that keeps the last runs' telemetry; null keeps only the current run, in memory.</summary>
    public string? StoragePath { get; set; }

    /// <summary>
    /// The run this process records. A dashboard restarted with the same id (as the AppHost does within one run) reloads
    /// that run's telemetry; null names a new run after the UTC start time.
    /// </summary>
    public string? RunId { get; set; }

    /// <summary>How many runs the storage file keeps, the current one included; older ones are deleted at start.</summary>
    public int KeepRuns { get; set; } = 5;
}
