namespace Parity.Hosting.ApplicationModel;

/// <summary>A callback that adds, changes or removes a resource's URLs once its endpoints have their ports.</summary>
public sealed class ResourceUrlsCallbackAnnotation : IResourceAnnotation
{
    public ResourceUrlsCallbackAnnotation(Action<ResourceUrlsCallbackContext> callback)
    {
        ArgumentNullException.ThrowIfNull(callback);
        Callback = context =>
        {
            callback(context);
            return Task.CompletedTask;
        };
    }

    public ResourceUrlsCallbackAnnotation(Func<ResourceUrlsCallbackContext, Task> callback)
    {
        ArgumentNullException.ThrowIfNull(callback);
        Callback = callback;
    }

    public Func<ResourceUrlsCallbackContext, Task> Callback { get; }
}
