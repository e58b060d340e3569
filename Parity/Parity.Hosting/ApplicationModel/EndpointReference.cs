namespace Parity.Hosting.ApplicationModel;

/// <summary>A named endpoint of a resource; its host, port and URL are known only per target.</summary>
public sealed class EndpointReference(IResourceWithEndpoints resource, string endpointName) : IExpressionValue
{
    public IResourceWithEndpoints Resource { get; } = resource;

    public string EndpointName { get; } = endpointName;

    public EndpointAnnotation? Annotation =>
        Resource.Endpoints().FirstOrDefault(e => string.Equals(e.Name, EndpointName, StringComparison.OrdinalIgnoreCase));

    public bool Exists => Annotation is not null;

    public string Scheme => Annotation?.UriScheme ?? throw MissingEndpoint();

    public EndpointReferenceExpression Property(EndpointProperty property) => new(this, property);

    public EndpointReferenceExpression Url => Property(EndpointProperty.Url);

    public EndpointReferenceExpression Host => Property(EndpointProperty.Host);

    public EndpointReferenceExpression Port => Property(EndpointProperty.Port);

    public EndpointReferenceExpression TargetPort => Property(EndpointProperty.TargetPort);

    string IExpressionValue.Render(IExpressionRenderer renderer) => renderer.Endpoint(this, EndpointProperty.Url);

    bool IExpressionValue.IsSecret => false;

    IEnumerable<IResource> IExpressionValue.References => [Resource];

    public DistributedApplicationException MissingEndpoint() => new(
        $"Resource '{Resource.Name}' has no endpoint named '{EndpointName}'. Declare it with WithHttpEndpoint(name: \"{EndpointName}\") or WithEndpoint.");

    public override string ToString() => $"{Resource.Name}/{EndpointName}";
}
