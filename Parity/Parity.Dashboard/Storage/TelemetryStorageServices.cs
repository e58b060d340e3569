using System.Globalization;
using Microsoft.Data.Sqlite;
using Parity.Dashboard.Configuration;

namespace Parity.Dashboard.Storage;

/// <summary>Chooses where telemetry lives: in memory only, or also in the storage file when a path is configured.</summary>
public static class TelemetryStorageServices
{
    public static IServiceCollection AddTelemetryStorage(this IServiceCollection services, DashboardOptions options)
    {
        var runId = string.IsNullOrWhiteSpace(options.RunId)
            ? DateTimeOffset.UtcNow.ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture)
            : options.RunId;
        if (string.IsNullOrWhiteSpace(options.StoragePath))
        {
            var store = NewMemoryStore(options);
            services.AddSingleton<ITelemetryStore>(store);
            services.AddSingleton<ITelemetryRuns>(new MemoryOnlyTelemetryRuns(store, runId));
            return services;
        }

        var path = Path.GetFullPath(options.StoragePath);
        services.AddSingleton(sp => new TelemetryWriter(path, runId, options, sp.GetRequiredService<ILogger<TelemetryWriter>>()));
        // Started before the web server listens and so stopped after it (hosted services stop in reverse): its flush on
        // stop includes what the last requests brought.
        services.AddHostedService(sp => sp.GetRequiredService<TelemetryWriter>());
        services.AddSingleton(sp => StartPersisted(path, runId, options, sp));
        services.AddSingleton<ITelemetryStore>(sp => sp.GetRequiredService<ITelemetryRuns>().Open(null)!);
        return services;
    }

    /// <summary>A file that cannot be opened at all (a read-only folder, a path that is a folder) leaves the dashboard working, in memory.</summary>
    private static ITelemetryRuns StartPersisted(string path, string runId, DashboardOptions options, IServiceProvider services)
    {
        var logger = services.GetRequiredService<ILogger<SqliteTelemetryRuns>>();
        try
        {
            return SqliteTelemetryRuns.Start(path, runId, options, services.GetRequiredService<TelemetryWriter>(), logger);
        }
        catch (Exception e) when (e is SqliteException or IOException or UnauthorizedAccessException)
        {
            logger.LogError("Cannot use {Path} to keep telemetry ({Message}); this run stays in memory only.", path, e.Message);
            return new MemoryOnlyTelemetryRuns(NewMemoryStore(options), runId);
        }
    }

    private static InMemoryTelemetryStore NewMemoryStore(DashboardOptions options) =>
        new(options.MaxTraces, options.MaxLogs, options.MaxMetricPoints);
}
