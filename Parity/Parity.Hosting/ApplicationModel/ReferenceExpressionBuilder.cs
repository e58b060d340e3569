using System.Runtime.CompilerServices;

namespace Parity.Hosting.ApplicationModel;

/// <summary>Builds a <see cref="ReferenceExpression"/> piece by piece, e.g. a connection string with optional parts.</summary>
public class ReferenceExpressionBuilder
{
    private readonly List<object> _parts = [];

    public bool IsEmpty => _parts.Count == 0;

    /// <summary>Appends an interpolated string, whose holes follow the rules of <see cref="ReferenceExpression.Create"/>.</summary>
    public void Append([InterpolatedStringHandlerArgument("")] in ReferenceExpressionBuilderInterpolatedStringHandler handler)
    {
        // The handler has appended every part to this builder already.
    }

    public void AppendLiteral(string value) => ExpressionParts.AddLiteral(_parts, value);

    public void AppendFormatted(string? value) => ExpressionParts.AddString(_parts, value, format: null);

    public void AppendFormatted<T>(T valueProvider) where T : IExpressionValue => ExpressionParts.AddHole(_parts, valueProvider, format: null);

    /// <summary>
    /// Appends a value provider known only as an object (an endpoint, a parameter, a resource with a connection string,
    /// an expression, or the builder of one); anything else is an error.
    /// </summary>
    public void AppendValueProvider(object valueProvider, string? format = null)
    {
        var value = valueProvider switch
        {
            IExpressionValue provider => provider,
            IResourceBuilder<IResource> { Resource: IExpressionValue provider } => provider,
            _ => throw new ArgumentException(
                $"A {valueProvider?.GetType().Name ?? "null"} is not a value provider: give an endpoint, a parameter, a resource with a connection string or an expression.",
                nameof(valueProvider)),
        };
        ExpressionParts.AddHole(_parts, value, format);
    }

    public ReferenceExpression Build() => ReferenceExpression.FromParts([.. _parts]);

    [InterpolatedStringHandler]
    public readonly ref struct ReferenceExpressionBuilderInterpolatedStringHandler
    {
        private readonly ReferenceExpressionBuilder _builder;

        public ReferenceExpressionBuilderInterpolatedStringHandler(int literalLength, int formattedCount, ReferenceExpressionBuilder builder) =>
            _builder = builder;

        public void AppendLiteral(string value) => _builder.AppendLiteral(value);

        public void AppendFormatted(string? value, string? format = null) => ExpressionParts.AddString(_builder._parts, value, format);

        public void AppendFormatted<T>(T valueProvider, string? format = null) where T : IExpressionValue =>
            ExpressionParts.AddHole(_builder._parts, valueProvider, format);

        public void AppendFormatted<T>(IResourceBuilder<T> valueProvider, string? format = null) where T : IResource, IExpressionValue =>
            ExpressionParts.AddHole(_builder._parts, valueProvider.Resource, format);
    }
}
