using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Parity.Hosting.Lifecycle;

public static class LifecycleHookServiceCollectionExtensions
{
    public static void AddLifecycleHook<T>(this IServiceCollection services) where T : class, IDistributedApplicationLifecycleHook
    {
        services.AddSingleton<IDistributedApplicationLifecycleHook, T>();
        services.TryAddEventingSubscriber<LifecycleHookSubscriber>();
    }

    public static void AddLifecycleHook<T>(this IServiceCollection services, Func<IServiceProvider, T> implementationFactory)
        where T : class, IDistributedApplicationLifecycleHook
    {
        services.AddSingleton<IDistributedApplicationLifecycleHook>(implementationFactory);
        services.TryAddEventingSubscriber<LifecycleHookSubscriber>();
    }

    /// <summary>Adds the hook unless one of the same type is registered already.</summary>
    public static void TryAddLifecycleHook<T>(this IServiceCollection services) where T : class, IDistributedApplicationLifecycleHook
    {
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IDistributedApplicationLifecycleHook, T>());
        services.TryAddEventingSubscriber<LifecycleHookSubscriber>();
    }
}
