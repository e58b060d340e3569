namespace Parity.Hosting.ApplicationModel;

/// <summary>An existing connection string read from configuration <c>ConnectionStrings:&lt;name&gt;</c>.</summary>
public sealed class ConnectionStringParameterResource(string name, Func<string?> valueSource, string? environmentVariableName)
    : ParameterResource(name, valueSource, secret: true), IResourceWithConnectionString
{
    public override string ConfigurationKey => $"ConnectionStrings:{Name}";

    public ReferenceExpression ConnectionStringExpression => ReferenceExpression.FromParts([this]); // the value of this parameter

    public string? ConnectionStringEnvironmentVariable { get; } = environmentVariableName;
}
