using Parity.Hosting.ApplicationModel;

namespace Parity.Hosting;

public static class EnvironmentBuilderExtensions
{
    public static IResourceBuilder<T> WithEnvironment<T>(this IResourceBuilder<T> builder, string name, string? value)
        where T : IResourceWithEnvironment =>
        builder.WithEnvironment(name, ReferenceExpression.Literal(value ?? ""));

    public static IResourceBuilder<T> WithEnvironment<T>(this IResourceBuilder<T> builder, string name, ReferenceExpression value)
        where T : IResourceWithEnvironment =>
        builder.WithAnnotation(new EnvironmentAnnotation(name, value));

    public static IResourceBuilder<T> WithEnvironment<T>(
        this IResourceBuilder<T> builder, string name, in ReferenceExpression.ExpressionInterpolatedStringHandler value)
        where T : IResourceWithEnvironment =>
        builder.WithEnvironment(name, ReferenceExpression.Create(value));

    public static IResourceBuilder<T> WithEnvironment<T>(this IResourceBuilder<T> builder, string name, EndpointReference endpointReference)
        where T : IResourceWithEnvironment =>
        builder.WithEnvironment(name, ReferenceExpression.Of(endpointReference));

    public static IResourceBuilder<T> WithEnvironment<T>(this IResourceBuilder<T> builder, string name, IResourceBuilder<ParameterResource> parameter)
        where T : IResourceWithEnvironment =>
        builder.WithEnvironment(name, ReferenceExpression.Of(parameter.Resource));

    public static IResourceBuilder<T> WithEnvironment<T>(
        this IResourceBuilder<T> builder, string name, IResourceBuilder<IResourceWithConnectionString> resource)
        where T : IResourceWithEnvironment =>
        builder.WithEnvironment(name, ReferenceExpression.Of(new ConnectionStringReference(resource.Resource)));

    /// <summary>A variable whose value is computed each time the environment is built, for every target.</summary>
    public static IResourceBuilder<T> WithEnvironment<T>(this IResourceBuilder<T> builder, string name, Func<string> callback)
        where T : IResourceWithEnvironment =>
        builder.WithAnnotation(new EnvironmentCallbackAnnotation(name, callback));

    /// <summary>
    /// A callback that adds to the environment, run for each target (local run, manifest, cluster) with the target in its
    /// context, so every target and the parity check see what it adds.
    /// </summary>
    public static IResourceBuilder<T> WithEnvironment<T>(this IResourceBuilder<T> builder, Action<EnvironmentCallbackContext> callback)
        where T : IResourceWithEnvironment =>
        builder.WithAnnotation(new EnvironmentCallbackAnnotation(callback));

    public static IResourceBuilder<T> WithEnvironment<T>(this IResourceBuilder<T> builder, Func<EnvironmentCallbackContext, Task> callback)
        where T : IResourceWithEnvironment =>
        builder.WithAnnotation(new EnvironmentCallbackAnnotation(callback));

    public static IResourceBuilder<T> WithArgs<T>(this IResourceBuilder<T> builder, params string[] args) where T : IResourceWithArgs =>
        builder.WithAnnotation(new CommandLineArgsAnnotation([.. args.Select(ReferenceExpression.Literal)]));

    /// <summary>Arguments that may be expressions (endpoints, parameters, connection strings) rendered per target.</summary>
    public static IResourceBuilder<T> WithArgs<T>(this IResourceBuilder<T> builder, params object[] args) where T : IResourceWithArgs =>
        builder.WithAnnotation(new CommandLineArgsAnnotation(
            [.. args.Select((a, i) => ExpressionValues.From(a, () => $"argument {i} given to WithArgs on '{builder.Resource.Name}'"))]));

    /// <summary>A callback that adds to the arguments, run for each target with the target in its context.</summary>
    public static IResourceBuilder<T> WithArgs<T>(this IResourceBuilder<T> builder, Action<CommandLineArgsCallbackContext> callback)
        where T : IResourceWithArgs =>
        builder.WithArgs(context =>
        {
            callback(context);
            return Task.CompletedTask;
        });

    public static IResourceBuilder<T> WithArgs<T>(this IResourceBuilder<T> builder, Func<CommandLineArgsCallbackContext, Task> callback)
        where T : IResourceWithArgs =>
        builder.WithAnnotation(new CommandLineArgsCallbackAnnotation(callback));
}
