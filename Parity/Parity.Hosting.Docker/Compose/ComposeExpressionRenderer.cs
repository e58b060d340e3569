using System.Globalization;
using System.Text;
using Parity.Hosting.ApplicationModel;

namespace Parity.Hosting.Docker;

/// <summary>
/// Renders expressions for a service of the Compose file: hosts are service names and ports are container ports (one
/// network, where each port is itself), and a secret parameter becomes <c>${NAME}</c>, which Compose interpolates from
/// the <c>.env</c> beside the file. Rendered text marks where a secret goes (<see cref="Interpolated"/> turns the marks
/// into <c>${NAME}</c> and doubles every other <c>$</c>, so a value's own <c>$</c> reaches the container as it is).
/// One instance for the whole file: it records every secret parameter it rendered, for <c>.env.example</c>.
/// </summary>
public sealed class ComposeExpressionRenderer : IExpressionRenderer
{
    private const char VariableStart = '\uE000';
    private const char VariableEnd = '\uE001';

    private readonly SortedDictionary<string, ParameterResource> _variables = new(StringComparer.Ordinal);

    /// <summary>The variables the rendered text interpolates, by name, each with its parameter and whether it is the URI-escaped value.</summary>
    public IReadOnlyList<(string Name, ParameterResource Parameter, bool UriEscaped)> Variables =>
        [.. _variables.Select(v => (v.Key, v.Value, v.Key != VariableName(v.Value)))];

    public string Endpoint(EndpointReference endpoint, EndpointProperty property) => PublishedPorts.ContainerAddressPart(endpoint, property);

    public string Parameter(ParameterResource parameter)
    {
        if (!parameter.Secret)
        {
            return parameter.Value; // a plain setting: its configured value or default
        }
        return Variable(VariableName(parameter), parameter);
    }

    public string ConnectionString(IResourceWithConnectionString resource) => resource.ConnectionStringExpression.Render(this);

    /// <summary>
    /// Compose interpolates a variable as it is, so a secret cannot be escaped where it is used: a URI-escaped secret has a
    /// variable of its own (<c>NAME_URI</c>) in <c>.env</c>. Plain values are escaped here; a secret connection string part by part.
    /// </summary>
    public string UriEncoded(IExpressionValue value) => value switch
    {
        ParameterResource { Secret: true } parameter => Variable(VariableName(parameter) + "_URI", parameter),
        ReferenceExpression expression => expression.RenderUriEncoded(this),
        ConnectionStringReference { IsSecret: true } reference => reference.Resource.ConnectionStringExpression.RenderUriEncoded(this),
        _ when value.IsSecret => throw new DistributedApplicationException($"A secret value ({value.GetType().Name}) cannot be URI-escaped in a Compose file."),
        _ => Uri.EscapeDataString(value.Render(this)),
    };

    /// <summary>Text this renderer rendered, as a Compose file holds it: <c>$</c> doubled, secrets as <c>${NAME}</c>.</summary>
    public static string Interpolated(string rendered)
    {
        var text = new StringBuilder(rendered.Length);
        var inVariable = false;
        foreach (var c in rendered)
        {
            switch (c)
            {
                case VariableStart:
                    text.Append("${");
                    inVariable = true;
                    break;
                case VariableEnd:
                    text.Append('}');
                    inVariable = false;
                    break;
                case '$' when !inVariable:
                    text.Append("$$");
                    break;
                default:
                    text.Append(c);
                    break;
            }
        }
        return text.ToString();
    }

    /// <summary>The parameter's variable in <c>.env</c>: its name in capitals, <c>_</c> for anything else (<c>POSTGRES_PASSWORD</c>).</summary>
    public static string VariableName(ParameterResource parameter)
    {
        var name = new StringBuilder();
        foreach (var c in parameter.Name)
        {
            name.Append(char.IsAsciiLetterOrDigit(c) ? char.ToUpperInvariant(c) : '_');
        }
        return name.ToString();
    }

    private string Variable(string name, ParameterResource parameter)
    {
        _variables[name] = parameter;
        return $"{VariableStart}{name}{VariableEnd}";
    }
}
