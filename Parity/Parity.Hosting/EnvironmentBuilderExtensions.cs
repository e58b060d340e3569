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

    public static IResourceBuilder<T> WithArgs<T>(this IResourceBuilder<T> builder, params string[] args) where T : IResourceWithArgs =>
        builder.WithAnnotation(new CommandLineArgsAnnotation([.. args.Select(ReferenceExpression.Literal)]));

    /// <summary>Arguments that may be expressions (endpoints, parameters, connection strings) rendered per target.</summary>
    public static IResourceBuilder<T> WithArgs<T>(this IResourceBuilder<T> builder, params object[] args) where T : IResourceWithArgs =>
        builder.WithAnnotation(new CommandLineArgsAnnotation([.. args.Select(ToExpression)]));

    private static ReferenceExpression ToExpression(object arg) => arg switch
    {
        ReferenceExpression expression => expression,
        IExpressionValue value => ReferenceExpression.Of(value),
        IResourceBuilder<IResource> builder => ReferenceExpression.Create($"{builder}"),
        _ => ReferenceExpression.Literal(Convert.ToString(arg, System.Globalization.CultureInfo.InvariantCulture) ?? ""),
    };
}
