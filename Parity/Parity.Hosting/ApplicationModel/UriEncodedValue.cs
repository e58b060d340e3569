namespace Parity.Hosting.ApplicationModel;

/// <summary>
/// A hole written with the <c>:uri</c> format (<c>$"amqp://{user}:{password:uri}@{host}"</c>): its value URI-escaped,
/// so a password with <c>@</c> or <c>/</c> stays one part of the URI in every target.
/// </summary>
public sealed class UriEncodedValue(IExpressionValue value) : IExpressionValue
{
    public IExpressionValue Value { get; } = value;

    public bool IsSecret => Value.IsSecret;

    public IEnumerable<IResource> References => Value.References;

    public string Render(IExpressionRenderer renderer) =>
        Value is ReferenceExpression expression ? expression.RenderUriEncoded(renderer) : renderer.UriEncoded(Value);
}
