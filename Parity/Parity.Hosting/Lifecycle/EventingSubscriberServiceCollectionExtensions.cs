using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Parity.Hosting.Lifecycle;

public static class EventingSubscriberServiceCollectionExtensions
{
    public static void AddEventingSubscriber<T>(this IServiceCollection services) where T : class, IDistributedApplicationEventingSubscriber =>
        services.AddSingleton<IDistributedApplicationEventingSubscriber, T>();

    /// <summary>Adds the subscriber unless one of the same type is registered already.</summary>
    public static void TryAddEventingSubscriber<T>(this IServiceCollection services) where T : class, IDistributedApplicationEventingSubscriber =>
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IDistributedApplicationEventingSubscriber, T>());
}
