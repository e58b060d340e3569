namespace Parity.Hosting.ApplicationModel;

/// <summary>A callback that adds to a resource's arguments, run by <see cref="LaunchDescription"/> for each target.</summary>
public sealed class CommandLineArgsCallbackAnnotation : IResourceAnnotation
{
    public CommandLineArgsCallbackAnnotation(Func<CommandLineArgsCallbackContext, Task> callback) => Callback = callback;

    public CommandLineArgsCallbackAnnotation(Action<IList<object>> callback) => Callback = context =>
    {
        callback(context.Args);
        return Task.CompletedTask;
    };

    public Func<CommandLineArgsCallbackContext, Task> Callback { get; }
}
