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
}
