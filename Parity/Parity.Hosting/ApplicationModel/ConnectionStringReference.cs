namespace Parity.Hosting.ApplicationModel;

/// <summary>The connection string of a resource, as a hole in another expression.</summary>
public sealed class ConnectionStringReference(IResourceWithConnectionString resource) : IExpressionValue
{
    public IResourceWithConnectionString Resource { get; } = resource;

    public string Render(IExpressionRenderer renderer) => renderer.ConnectionString(Resource);

    public bool IsSecret => Resource.ConnectionStringExpression.IsSecret;

    public IEnumerable<IResource> References => [Resource];
}
