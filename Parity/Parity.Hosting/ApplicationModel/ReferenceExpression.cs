using System.Runtime.CompilerServices;
using System.Text;

namespace Parity.Hosting.ApplicationModel;

/// <summary>
/// A template of literal text and typed holes (an endpoint's host or port, a parameter's value, a resource's
/// connection string). It is never computed early into a string: each target renders it. Only value providers
/// (<see cref="IExpressionValue"/>: endpoints, parameters, resources with a connection string, other expressions)
/// and strings can be holes, as in Aspire: any other type does not compile.
/// </summary>
public sealed class ReferenceExpression : IExpressionValue
{
    private readonly IReadOnlyList<object> _parts; // string literals and IExpressionValue holes

    private ReferenceExpression(IReadOnlyList<object> parts) => _parts = parts;

    public static ReferenceExpression Empty { get; } = new([]);

    public static ReferenceExpression Create(in ExpressionInterpolatedStringHandler handler) => new(handler.Parts);

    public static ReferenceExpression Literal(string value) => new(value.Length > 0 ? [value] : []);

    public static ReferenceExpression Of(IExpressionValue value) => value as ReferenceExpression ?? new([ExpressionParts.Hole(value)]);

    internal static ReferenceExpression FromParts(IReadOnlyList<object> parts) => new(parts);

    internal IReadOnlyList<object> Parts() => _parts;

    /// <summary>The template with numbered holes, e.g. <c>Host={0};Port={1}</c>.</summary>
    public string Format
    {
        get
        {
            var text = new StringBuilder();
            var index = 0;
            foreach (var part in _parts)
            {
                text.Append(part is string literal ? literal.Replace("{", "{{").Replace("}", "}}") : $"{{{index++}}}");
            }
            return text.ToString();
        }
    }

    public IReadOnlyList<IExpressionValue> ValueProviders => [.. _parts.OfType<IExpressionValue>()];

    public bool IsSecret => ValueProviders.Any(v => v.IsSecret);

    public IEnumerable<IResource> References => ValueProviders.SelectMany(v => v.References);

    public string Render(IExpressionRenderer renderer)
    {
        var text = new StringBuilder();
        foreach (var part in _parts)
        {
            text.Append(part as string ?? ((IExpressionValue)part).Render(renderer));
        }
        return text.ToString();
    }

    /// <summary>
    /// The expression URI-escaped (the <c>:uri</c> format): literals escaped here, each hole by the renderer, which
    /// knows how its target escapes a value it only names (the manifest's <c>{p.value:uri}</c>).
    /// </summary>
    public string RenderUriEncoded(IExpressionRenderer renderer)
    {
        var text = new StringBuilder();
        foreach (var part in _parts)
        {
            text.Append(part is string literal ? Uri.EscapeDataString(literal) : renderer.UriEncoded((IExpressionValue)part));
        }
        return text.ToString();
    }

    public override string ToString() => Format;

    [InterpolatedStringHandler]
    public readonly ref struct ExpressionInterpolatedStringHandler
    {
        public ExpressionInterpolatedStringHandler(int literalLength, int formattedCount) => Parts = new(formattedCount * 2 + 1);

        internal List<object> Parts { get; }

        public void AppendLiteral(string value) => ExpressionParts.AddLiteral(Parts, value);

        /// <summary>A string is literal text; with the <c>uri</c> format it is URI-escaped.</summary>
        public void AppendFormatted(string? value, string? format = null) => ExpressionParts.AddString(Parts, value, format);

        /// <summary>A value provider: an endpoint or one of its properties, a parameter, a resource's connection string, an expression.</summary>
        public void AppendFormatted<T>(T valueProvider, string? format = null) where T : IExpressionValue =>
            ExpressionParts.AddHole(Parts, valueProvider, format);

        /// <summary>A resource that is a value provider, given by its builder (a parameter, a database).</summary>
        public void AppendFormatted<T>(IResourceBuilder<T> valueProvider, string? format = null) where T : IResource, IExpressionValue =>
            ExpressionParts.AddHole(Parts, valueProvider.Resource, format);
    }
}
