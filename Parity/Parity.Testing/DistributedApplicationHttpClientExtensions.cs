namespace Parity.Testing;

public static class DistributedApplicationHttpClientExtensions
{
    /// <summary>An HttpClient addressed to a resource's endpoint (its first HTTP endpoint by default).</summary>
    public static HttpClient CreateHttpClient(this DistributedApplication app, string resourceName, string? endpointName = null) =>
        new() { BaseAddress = app.GetEndpoint(resourceName, endpointName) };
}
