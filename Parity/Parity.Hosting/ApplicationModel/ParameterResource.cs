namespace Parity.Hosting.ApplicationModel;

/// <summary>
/// A value supplied from outside (configuration <c>Parameters:&lt;name&gt;</c>, or the key it was declared with),
/// possibly secret.
/// </summary>
public class ParameterResource(string name, Func<string?> valueSource, bool secret = false, string? configurationKey = null)
    : Resource(name), IExpressionValue
{
    public bool Secret { get; } = secret;

    /// <summary>What the parameter is for, shown where a user is asked for it (<c>WithDescription</c>).</summary>
    public string? Description { get; set; }

    /// <summary>Whether <see cref="Description"/> is Markdown.</summary>
    public bool EnableDescriptionMarkdown { get; set; }

    /// <summary>Where a user supplies the value; named in the error when it is missing.</summary>
    public virtual string ConfigurationKey => configurationKey ?? $"Parameters:{Name}";

    public bool HasValue => valueSource() is not null;

    public string Value => valueSource() ?? throw new DistributedApplicationException(MissingValueMessage);

    public string MissingValueMessage =>
        $"Parameter '{Name}' has no value. Set '{ConfigurationKey}' in the AppHost's configuration " +
        $"(appsettings.json, user secrets, or the environment variable '{ConfigurationKey.Replace(":", "__")}').";

    string IExpressionValue.Render(IExpressionRenderer renderer) => renderer.Parameter(this);

    bool IExpressionValue.IsSecret => Secret;

    IEnumerable<IResource> IExpressionValue.References => [this];
}
