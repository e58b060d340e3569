namespace Parity.Hosting.ApplicationModel;

/// <summary>An S3-compatible object store: MinIO in the cluster; locally MinIO when installed, else Parity.S3.</summary>
public class MinioContainerResource(string name, ParameterResource rootUser, ParameterResource password)
    : ContainerResource(name), IResourceWithConnectionString
{
    internal const string PrimaryEndpointName = "http";

    public ParameterResource RootUser { get; } = rootUser;

    public ParameterResource PasswordParameter { get; } = password;

    public EndpointReference PrimaryEndpoint => new(this, PrimaryEndpointName);

    public ReferenceExpression ConnectionStringExpression => ReferenceExpression.Create(
        $"Endpoint=http://{PrimaryEndpoint.Host}:{PrimaryEndpoint.Port};AccessKey={RootUser};SecretKey={PasswordParameter}");
}
