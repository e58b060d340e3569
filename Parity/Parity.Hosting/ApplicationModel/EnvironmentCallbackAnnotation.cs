namespace Parity.Hosting.ApplicationModel;

/// <summary>A callback that adds to a resource's environment, run by <see cref="ResourceEnvironment"/> for each target.</summary>
public sealed class EnvironmentCallbackAnnotation : IResourceAnnotation
{
    public EnvironmentCallbackAnnotation(Func<EnvironmentCallbackContext, Task> callback) => Callback = callback;

    public EnvironmentCallbackAnnotation(Action<EnvironmentCallbackContext> callback) => Callback = context =>
    {
        callback(context);
        return Task.CompletedTask;
    };

    /// <summary>One variable whose value is computed each time the environment is built.</summary>
    public EnvironmentCallbackAnnotation(string name, Func<string> callback) => Callback = context =>
    {
        context.EnvironmentVariables[name] = callback();
        return Task.CompletedTask;
    };

    public Func<EnvironmentCallbackContext, Task> Callback { get; }
}
