namespace Parity.Hosting.ApplicationModel;

public sealed class HttpCommandResultContext
{
    public required IServiceProvider ServiceProvider { get; init; }

    public required string ResourceName { get; init; }

    public required EndpointReference Endpoint { get; init; }

    public required CancellationToken CancellationToken { get; init; }

    public required HttpClient HttpClient { get; init; }

    public required HttpResponseMessage Response { get; init; }
}
