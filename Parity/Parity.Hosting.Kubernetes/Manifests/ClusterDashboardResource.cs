using Parity.Hosting.ApplicationModel;

namespace Parity.Hosting.Kubernetes;

/// <summary>
/// The dashboard as the cluster runs it (<c>publish --include-dashboard</c>): the Parity.Dashboard image listening on
/// all interfaces at Aspire's dashboard ports, keeping telemetry in memory. Its two keys are secret parameters, so
/// the published objects take them from the overlay's Secret, and every project sends it telemetry with the API key.
/// </summary>
public sealed class ClusterDashboardResource : ContainerResource
{
    public const string ResourceName = "parity-dashboard";
    public const string ImageName = "parity-dashboard";
    public const int FrontendPort = 18888;
    public const int OtlpGrpcPort = 18889;
    public const int OtlpHttpPort = 18890;
    public const string OtlpHttpEndpoint = "otlp-http";

    public ClusterDashboardResource() : base(ResourceName)
    {
        // Never read when publishing: the cluster takes the values from the overlay's secrets.env.
        OtlpApiKey = new ParameterResource($"{ResourceName}-otlp-api-key", () => null, secret: true);
        BrowserToken = new ParameterResource($"{ResourceName}-browser-token", () => null, secret: true);
        Annotations.Add(new ContainerImageAnnotation(ImageName, "latest"));
        Annotations.Add(new EndpointAnnotation(DashboardAnnotation.FrontendEndpoint, "http", FrontendPort, FrontendPort));
        Annotations.Add(new EndpointAnnotation(DashboardAnnotation.OtlpGrpcEndpoint, "http", OtlpGrpcPort, OtlpGrpcPort));
        Annotations.Add(new EndpointAnnotation(OtlpHttpEndpoint, "http", OtlpHttpPort, OtlpHttpPort));
        // 0.0.0.0: the Service reaches the pod on its own address, not on the loopback interface.
        AddEnvironment("Dashboard__FrontendUrl", ReferenceExpression.Literal($"http://0.0.0.0:{FrontendPort}"));
        AddEnvironment("Dashboard__OtlpGrpcUrl", ReferenceExpression.Literal($"http://0.0.0.0:{OtlpGrpcPort}"));
        AddEnvironment("Dashboard__OtlpHttpUrl", ReferenceExpression.Literal($"http://0.0.0.0:{OtlpHttpPort}"));
        AddEnvironment("Dashboard__OtlpApiKey", ReferenceExpression.Of(OtlpApiKey));
        AddEnvironment("Dashboard__BrowserToken", ReferenceExpression.Of(BrowserToken));
    }

    /// <summary>The key every project sends in <c>x-otlp-api-key</c>.</summary>
    public ParameterResource OtlpApiKey { get; }

    /// <summary>The token a browser signs in with (<c>/login?t=TOKEN</c>).</summary>
    public ParameterResource BrowserToken { get; }

    /// <summary>Where projects in the cluster export telemetry: the dashboard Service's OTLP/gRPC port, with the API key.</summary>
    public OtlpExporterSettings OtlpExporter => new(
        ReferenceExpression.Of(new EndpointReference(this, DashboardAnnotation.OtlpGrpcEndpoint)),
        "grpc",
        ReferenceExpression.Create($"x-otlp-api-key={OtlpApiKey}"));

    private void AddEnvironment(string name, ReferenceExpression value) => Annotations.Add(new EnvironmentAnnotation(name, value));
}
