namespace Parity.Hosting.ApplicationModel;

/// <summary>
/// A RabbitMQ broker: an AMQP <c>tcp</c> endpoint, a <c>management</c> HTTP endpoint when the management plugin is on,
/// a user (RabbitMQ's <c>guest</c> unless given) with a password, and Aspire's connection string format.
/// </summary>
public class RabbitMQServerResource(string name, ParameterResource? userName, ParameterResource password)
    : ContainerResource(name), IResourceWithConnectionString
{
    internal const string PrimaryEndpointName = "tcp";
    internal const string ManagementEndpointName = "management";
    private const string DefaultUserName = "guest";

    public ParameterResource? UserNameParameter { get; } = userName;

    public ParameterResource PasswordParameter { get; } = password;

    public EndpointReference PrimaryEndpoint => new(this, PrimaryEndpointName);

    public EndpointReference ManagementEndpoint => new(this, ManagementEndpointName);

    internal ReferenceExpression UserNameReference =>
        UserNameParameter is null ? ReferenceExpression.Literal(DefaultUserName) : ReferenceExpression.Of(UserNameParameter);

    public ReferenceExpression ConnectionStringExpression =>
        ReferenceExpression.Create($"amqp://{UserNameReference:uri}:{PasswordParameter:uri}@{PrimaryEndpoint.Property(EndpointProperty.HostAndPort)}");
}
