using Microsoft.Extensions.DependencyInjection;
using Store.Messaging.RabbitMQ;

namespace Store.Messaging.Postgres;

public static class PostgresOutboxServiceCollectionExtensions
{
    /// <summary>
    /// Publishes what the service writes to its <see cref="PostgresOutbox"/>: the <see cref="OutboxRelay"/> and the
    /// <see cref="OutboxSignal"/> that wakes it. Needs the service's <c>NpgsqlDataSource</c> and
    /// <see cref="RabbitMqServiceCollectionExtensions.AddRabbitMqMessaging"/>.
    /// </summary>
    public static IServiceCollection AddPostgresOutbox(this IServiceCollection services)
    {
        services.AddSingleton<OutboxSignal>();
        services.AddHostedService<OutboxRelay>();
        return services;
    }
}
