using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Trace;

namespace Store.Messaging;

public static class MessagingServiceCollectionExtensions
{
    /// <summary>The RabbitMQ connection and publisher, and the messaging spans in the service's traces.</summary>
    public static IServiceCollection AddStoreMessaging(this IServiceCollection services)
    {
        services.AddSingleton<RabbitMqConnection>();
        services.AddSingleton<MessagePublisher>();
        services.ConfigureOpenTelemetryTracerProvider(tracing => tracing.AddSource(MessageTracing.ActivitySourceName));
        return services;
    }

    /// <summary>
    /// Publishes what the service writes to its <see cref="PostgresOutbox"/>: the <see cref="OutboxRelay"/> and the
    /// <see cref="OutboxSignal"/> that wakes it. Needs the service's <c>NpgsqlDataSource</c> and <see cref="AddStoreMessaging"/>.
    /// </summary>
    public static IServiceCollection AddPostgresOutbox(this IServiceCollection services)
    {
        services.AddSingleton<OutboxSignal>();
        services.AddHostedService<OutboxRelay>();
        return services;
    }
}
