using System.Globalization;

namespace Parity.Hosting.ApplicationModel;

/// <summary>Turns the values users give as <c>object</c> (callback environments and arguments, <c>WithArgs</c>) into expressions.</summary>
internal static class ExpressionValues
{
    /// <param name="what">Names the value in the error, e.g. <c>environment variable 'X' of 'api'</c>.</param>
    public static ReferenceExpression From(object? value, Func<string> what) => value switch
    {
        string text => ReferenceExpression.Literal(text),
        ReferenceExpression expression => expression,
        IExpressionValue provider => ReferenceExpression.Of(provider),
        IResourceBuilder<IResource> { Resource: IExpressionValue provider } => ReferenceExpression.Of(provider),
        bool flag => ReferenceExpression.Literal(flag ? "true" : "false"),
        IFormattable number => ReferenceExpression.Literal(number.ToString(null, CultureInfo.InvariantCulture)),
        _ => throw new DistributedApplicationException(
            $"The value of {what()} is a {value?.GetType().Name ?? "null"}, which has no text in every target. " +
            "Give a string, a number, an endpoint, a parameter, a resource with a connection string or a ReferenceExpression."),
    };

    /// <summary>The execution context a callback sees for a target: publishing for the manifest and the cluster.</summary>
    public static DistributedApplicationExecutionContext ExecutionContextFor(EnvironmentTarget target) =>
        new(target == EnvironmentTarget.Local ? DistributedApplicationOperation.Run : DistributedApplicationOperation.Publish);
}
