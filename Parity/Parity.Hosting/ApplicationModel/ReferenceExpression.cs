using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;

namespace Parity.Hosting.ApplicationModel;

/// <summary>
/// A template of literal text and typed holes (an endpoint's host or port, a parameter's value, a resource's
/// connection string). It is never computed early into a string: each target renders it.
/// </summary>
public sealed class ReferenceExpression : IExpressionValue
{
    private readonly IReadOnlyList<object> _parts; // string literals and IExpressionValue holes

    private ReferenceExpression(IReadOnlyList<object> parts) => _parts = parts;

    public static ReferenceExpression Empty { get; } = new([]);

    public static ReferenceExpression Create(in ExpressionInterpolatedStringHandler handler) => new(handler.Parts);

    public static ReferenceExpression Literal(string value) => new([value]);

    public static ReferenceExpression Of(IExpressionValue value) => value as ReferenceExpression ?? new([value]);

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

    public override string ToString() => Format;

    [InterpolatedStringHandler]
    public readonly ref struct ExpressionInterpolatedStringHandler
    {
        public ExpressionInterpolatedStringHandler(int literalLength, int formattedCount) => Parts = new(formattedCount * 2 + 1);

        internal List<object> Parts { get; }

        public void AppendLiteral(string value) => AddLiteral(value);

        public void AppendFormatted(string? value) => AddLiteral(value ?? "");

        public void AppendFormatted<T>(T value)
        {
            switch (value)
            {
                case ReferenceExpression nested:
                    Parts.AddRange(nested._parts);
                    break;
                case IResourceWithConnectionString resource:
                    Parts.Add(new ConnectionStringReference(resource));
                    break;
                case IExpressionValue hole:
                    Parts.Add(hole);
                    break;
                case IResourceBuilder<IResource> builder:
                    AppendFormatted(builder.Resource);
                    break;
                case IResource resource:
                    throw new ArgumentException(
                        $"Resource '{resource.Name}' cannot be placed in an expression: use one of its endpoints, its value or its connection string.");
                default:
                    AddLiteral(Convert.ToString(value, CultureInfo.InvariantCulture) ?? "");
                    break;
            }
        }

        private void AddLiteral(string value)
        {
            if (value.Length > 0)
            {
                Parts.Add(value);
            }
        }
    }
}
