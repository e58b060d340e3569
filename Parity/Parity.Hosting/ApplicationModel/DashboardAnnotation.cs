namespace Parity.Hosting.ApplicationModel;

/// <summary>Marks the dashboard resource, with this run's keys: the OTLP API key resources send, and the browser token.</summary>
public sealed record DashboardAnnotation(RunSecret OtlpApiKey, RunSecret BrowserToken) : IResourceAnnotation
{
    public const string FrontendEndpoint = "http";
    public const string OtlpGrpcEndpoint = "otlp-grpc";
}
