namespace Parity.Hosting.ApplicationModel;

/// <summary>One property (host, port, URL, ...) of an endpoint, as a hole in an expression.</summary>
public sealed class EndpointReferenceExpression(EndpointReference endpoint, EndpointProperty property) : IExpressionValue
{
    public EndpointReference Endpoint { get; } = endpoint;

    public EndpointProperty Property { get; } = property;

    public string Render(IExpressionRenderer renderer) => renderer.Endpoint(Endpoint, Property);

    public bool IsSecret => false;

    public IEnumerable<IResource> References => [Endpoint.Resource];
}
