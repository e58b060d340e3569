using System.Globalization;
using Parity.Dashboard.Configuration;

namespace Parity.Dashboard.Storage;

/// <summary>Chooses where telemetry lives: in memory only, or also in the storage file when a path is configured.</summary>
public static class TelemetryStorageServices
{
    public static IServiceCollection AddTelemetryStorage(this IServiceCollection services, DashboardOptions options)
    {
        if (string.IsNullOrWhiteSpace(options.StoragePath))
        {
            services.AddSingleton<ITelemetryStore>(new InMemoryTelemetryStore(options.MaxTraces, options.MaxLogs, options.MaxMetricPoints));
            services.AddSingleton<ITelemetryRuns, MemoryOnlyTelemetryRuns>();
            return services;
        }

        var path = Path.GetFullPath(options.StoragePath);
        var runId = string.IsNullOrWhiteSpace(options.RunId)
            ? DateTimeOffset.UtcNow.ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture)
            : options.RunId;
        services.AddSingleton(sp => new TelemetryWriter(path, runId, options, sp.GetRequiredService<ILogger<TelemetryWriter>>()));
        // Started before the web server listens and so stopped after it (hosted services stop in reverse): its flush on
        // stop includes what the last requests brought.
        services.AddHostedService(sp => sp.GetRequiredService<TelemetryWriter>());
        services.AddSingleton(sp => SqliteTelemetryRuns.Start(
            path, runId, options, sp.GetRequiredService<TelemetryWriter>(), sp.GetRequiredService<ILogger<SqliteTelemetryRuns>>()));
        services.AddSingleton<ITelemetryRuns>(sp => sp.GetRequiredService<SqliteTelemetryRuns>());
        services.AddSingleton<ITelemetryStore>(sp => sp.GetRequiredService<SqliteTelemetryRuns>().Open(null)!);
        return services;
    }
}
