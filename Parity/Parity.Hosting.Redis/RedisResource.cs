namespace Parity.Hosting.ApplicationModel;

/// <summary>A Redis server: one <c>tcp</c> endpoint, a password, and Aspire's connection string format.</summary>
public class RedisResource(string name, ParameterResource password) : ContainerResource(name), IResourceWithConnectionString
{
    internal const string PrimaryEndpointName = "tcp";

    public ParameterResource PasswordParameter { get; } = password;

    public EndpointReference PrimaryEndpoint => new(this, PrimaryEndpointName);

    public ReferenceExpression ConnectionStringExpression =>
        ReferenceExpression.Create($"{PrimaryEndpoint.Property(EndpointProperty.HostAndPort)},password={PasswordParameter}");
}
