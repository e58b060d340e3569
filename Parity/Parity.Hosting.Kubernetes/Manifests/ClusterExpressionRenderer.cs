using System.Globalization;
using System.Text;
using Parity.Hosting.ApplicationModel;

namespace Parity.Hosting.Kubernetes;

/// <summary>
/// Renders expressions for a container in the cluster: hosts are Service names, ports are Service ports, and a secret
/// parameter becomes <c>$(PARAM_NAME)</c>, which Kubernetes expands from an earlier <c>secretKeyRef</c> variable.
/// One instance per container: it records the secret parameters it rendered, so the container can define them first.
/// </summary>
public sealed class ClusterExpressionRenderer : IExpressionRenderer
{
    /// <summary>Where a project listens in its container (<c>HTTP_PORTS</c>), and so its Service port.</summary>
    public const int ProjectHttpPort = PublishedPorts.ProjectHttpPort;

    public const int ProjectHttpsPort = PublishedPorts.ProjectHttpsPort;

    private readonly SortedDictionary<string, ParameterResource> _secretParameters = new(StringComparer.Ordinal);
    private readonly SortedDictionary<string, ParameterResource> _uriEncodedSecretParameters = new(StringComparer.Ordinal);

    /// <summary>The secret parameters rendered so far, by name.</summary>
    public IReadOnlyCollection<ParameterResource> SecretParameters => _secretParameters.Values;

    /// <summary>The secret parameters rendered URI-escaped (the <c>:uri</c> format) so far, by name.</summary>
    public IReadOnlyCollection<ParameterResource> UriEncodedSecretParameters => _uriEncodedSecretParameters.Values;

    public string Endpoint(EndpointReference endpoint, EndpointProperty property) => PublishedPorts.ContainerAddressPart(endpoint, property);

    public string Parameter(ParameterResource parameter)
    {
        if (!parameter.Secret)
        {
            return parameter.Value; // a plain setting: its configured value or default
        }
        _secretParameters[parameter.Name] = parameter;
        return $"$({SecretVariableName(parameter)})";
    }

    public string ConnectionString(IResourceWithConnectionString resource) => resource.ConnectionStringExpression.Render(this);

    /// <summary>
    /// Kubernetes expands <c>$(VAR)</c> as it is, so a secret cannot be escaped where it is used: a URI-escaped secret
    /// parameter has a key of its own in the Secret (<see cref="UriSecretKey"/>), set in secrets.env next to the plain one.
    /// Plain values are escaped here; a secret connection string is escaped part by part.
    /// </summary>
    public string UriEncoded(IExpressionValue value)
    {
        switch (value)
        {
            case ParameterResource { Secret: true } parameter:
                _uriEncodedSecretParameters[parameter.Name] = parameter;
                return $"$({UriSecretVariableName(parameter)})";
            case ReferenceExpression expression:
                return expression.RenderUriEncoded(this);
            case ConnectionStringReference { IsSecret: true } reference:
                return reference.Resource.ConnectionStringExpression.RenderUriEncoded(this);
            default:
                return value.IsSecret
                    ? throw new DistributedApplicationException($"A secret value ({value.GetType().Name}) cannot be URI-escaped in the cluster.")
                    : Uri.EscapeDataString(value.Render(this));
        }
    }

    /// <summary>The port clients use, which is also the container port: a Service maps each port to itself.</summary>
    public static int ServicePort(IResource resource, EndpointAnnotation endpoint) => PublishedPorts.ContainerPortOf(resource, endpoint);

    /// <summary>The environment variable a container defines from the Secret, e.g. <c>PARAM_POSTGRES_PASSWORD</c>.</summary>
    public static string SecretVariableName(ParameterResource parameter)
    {
        var name = new StringBuilder("PARAM_");
        foreach (var c in parameter.Name)
        {
            name.Append(char.IsAsciiLetterOrDigit(c) ? char.ToUpperInvariant(c) : '_');
        }
        return name.ToString();
    }

    /// <summary>The parameter's key in the Secret and in <c>secrets.env</c>: its name.</summary>
    public static string SecretKey(ParameterResource parameter) => parameter.Name;

    /// <summary>The variable holding the parameter's value URI-escaped, e.g. <c>PARAM_RABBITMQ_PASSWORD_URI</c>.</summary>
    public static string UriSecretVariableName(ParameterResource parameter) => SecretVariableName(parameter) + "_URI";

    /// <summary>The key of the parameter's URI-escaped value in the Secret and in <c>secrets.env</c>: <c>&lt;name&gt;.uri</c>.</summary>
    public static string UriSecretKey(ParameterResource parameter) => parameter.Name + ".uri";
}
