using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using OpenTelemetry.Trace;

namespace Microsoft.Extensions.Hosting;

public static class PostgresDataSourceExtensions
{
    /// <summary>
    /// The service's <see cref="NpgsqlDataSource"/>, and Npgsql's own spans (one per command, under the request or
    /// message that ran it) in the service's traces.
    /// </summary>
    public static IServiceCollection AddPostgresDataSource(this IServiceCollection services, Func<IConfiguration, string> connectionString)
    {
        services.AddSingleton(provider => new NpgsqlDataSourceBuilder(connectionString(provider.GetRequiredService<IConfiguration>())).Build());
        services.ConfigureOpenTelemetryTracerProvider(tracing => tracing.AddNpgsql());
        return services;
    }
}
