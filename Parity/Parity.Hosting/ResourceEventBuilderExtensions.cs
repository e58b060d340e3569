using Parity.Hosting.ApplicationModel;
using Parity.Hosting.Eventing;

namespace Parity.Hosting;

/// <summary>Subscriptions to the events of one resource, from its builder.</summary>
public static class ResourceEventBuilderExtensions
{
    public static IResourceBuilder<T> OnBeforeResourceStarted<T>(
        this IResourceBuilder<T> builder, Func<T, BeforeResourceStartedEvent, CancellationToken, Task> callback) where T : IResource =>
        builder.On(callback);

    public static IResourceBuilder<T> OnResourceReady<T>(
        this IResourceBuilder<T> builder, Func<T, ResourceReadyEvent, CancellationToken, Task> callback) where T : IResource =>
        builder.On(callback);

    public static IResourceBuilder<T> OnConnectionStringAvailable<T>(
        this IResourceBuilder<T> builder, Func<T, ConnectionStringAvailableEvent, CancellationToken, Task> callback)
        where T : IResourceWithConnectionString =>
        builder.On(callback);

    private static IResourceBuilder<T> On<T, TEvent>(this IResourceBuilder<T> builder, Func<T, TEvent, CancellationToken, Task> callback)
        where T : IResource where TEvent : IDistributedApplicationResourceEvent
    {
        var resource = builder.Resource;
        builder.ApplicationBuilder.Eventing.Subscribe<TEvent>(resource, (e, token) => callback(resource, e, token));
        return builder;
    }
}
