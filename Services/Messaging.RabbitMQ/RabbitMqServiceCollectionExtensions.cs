using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Trace;
using Store.Messaging.Contracts;

namespace Store.Messaging.RabbitMQ;

public static class RabbitMqServiceCollectionExtensions
{
    /// <summary>
    /// The RabbitMQ connection, the publisher that declares the exchanges the service publishes to, and the messaging
    /// spans in the service's traces. Consumers declare their own queues.
    /// </summary>
    public static IServiceCollection AddRabbitMqMessaging(this IServiceCollection services, params Exchange[] publishesTo)
    {
        services.AddSingleton<RabbitMqConnection>();
        services.AddSingleton(new PublishedExchanges(publishesTo));
        services.AddSingleton<MessagePublisher>();
        services.ConfigureOpenTelemetryTracerProvider(tracing => tracing.AddSource(MessageTracing.ActivitySourceName));
        return services;
    }
}
