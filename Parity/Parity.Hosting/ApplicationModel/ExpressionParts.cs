namespace Parity.Hosting.ApplicationModel;

/// <summary>How the interpolation handler and <see cref="ReferenceExpressionBuilder"/> add literals and holes to an expression.</summary>
internal static class ExpressionParts
{
    public const string UriFormat = "uri";

    public static void AddLiteral(List<object> parts, string value)
    {
        if (value.Length > 0)
        {
            parts.Add(value);
        }
    }

    public static void AddString(List<object> parts, string? value, string? format) =>
        AddLiteral(parts, IsUri(format) ? Uri.EscapeDataString(value ?? "") : value ?? "");

    public static void AddHole(List<object> parts, IExpressionValue value, string? format)
    {
        if (IsUri(format))
        {
            parts.Add(new UriEncodedValue(Hole(value)));
        }
        else if (value is ReferenceExpression nested)
        {
            parts.AddRange(nested.Parts());
        }
        else
        {
            parts.Add(Hole(value));
        }
    }

    /// <summary>A resource with a connection string stands for its connection string, whatever else it is (a parameter).</summary>
    public static IExpressionValue Hole(IExpressionValue value) =>
        value is IResourceWithConnectionString resource ? new ConnectionStringReference(resource) : value;

    private static bool IsUri(string? format) => format switch
    {
        null => false,
        _ when string.Equals(format, UriFormat, StringComparison.OrdinalIgnoreCase) => true,
        _ => throw new FormatException($"The format '{format}' is not supported in an expression. The supported format is 'uri' (URI-escapes the value)."),
    };
}
