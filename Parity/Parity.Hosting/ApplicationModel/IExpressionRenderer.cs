namespace Parity.Hosting.ApplicationModel;

/// <summary>Turns the holes of an expression into text for one target (local run, manifest, cluster).</summary>
public interface IExpressionRenderer
{
    string Endpoint(EndpointReference endpoint, EndpointProperty property);

    string Parameter(ParameterResource parameter);

    string ConnectionString(IResourceWithConnectionString resource);

    /// <summary>A value URI-escaped (the <c>:uri</c> format). A target that only names a value says how it is escaped.</summary>
    string UriEncoded(IExpressionValue value) => Uri.EscapeDataString(value.Render(this));
}
