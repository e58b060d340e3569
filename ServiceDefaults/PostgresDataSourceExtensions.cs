using System.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using OpenTelemetry.Trace;

namespace Microsoft.Extensions.Hosting;

public static class PostgresDataSourceExtensions
{
    /// <summary>More than the distinct statements a service runs, so none is evicted and prepared again.</summary>
    public const int MaxAutoPrepare = 64;

    /// <summary>
    /// The service's <see cref="NpgsqlDataSource"/>, and Npgsql's own spans (one per command, under the request or
    /// message that ran it) in the service's traces.
    /// </summary>
    public static IServiceCollection AddPostgresDataSource(this IServiceCollection services, Func<IConfiguration, string> connectionString)
    {
        services.AddSingleton(provider =>
        {
            var builder = new NpgsqlDataSourceBuilder(connectionString(provider.GetRequiredService<IConfiguration>()));
            // The services run the same few statements for every order: prepared once per connection, PostgreSQL
            // skips parsing and planning them again. A connection string that sets its own value keeps it.
            if (builder.ConnectionStringBuilder.MaxAutoPrepare == 0)
            {
                builder.ConnectionStringBuilder.MaxAutoPrepare = MaxAutoPrepare;
            }
            // Only commands that run under a request or a message: the outbox relay polls every 200 ms outside of any,
            // and each poll would start a trace of its own, burying the traces that matter.
            builder.ConfigureTracing(tracing => tracing
                .ConfigureCommandFilter(_ => Activity.Current is not null)
                .ConfigureBatchFilter(_ => Activity.Current is not null)
                .EnablePhysicalOpenTracing(false));
            return builder.Build();
        });
        services.ConfigureOpenTelemetryTracerProvider(tracing => tracing.AddNpgsql());
        return services;
    }
}
