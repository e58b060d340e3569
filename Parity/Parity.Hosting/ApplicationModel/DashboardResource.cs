namespace Parity.Hosting.ApplicationModel;

/// <summary>
/// The dashboard, described once for the two places it runs. Locally it is a child process of the AppHost on loopback,
/// with keys made for the run (see ResourceService/DashboardResourceBuilder); in the cluster (<c>publish
/// --include-dashboard</c>) it is its image on every interface at Aspire's dashboard ports, with keys from the
/// overlay's Secret (<see cref="ForCluster"/>). Either way it listens where its endpoints say, and every project
/// exports telemetry to its OTLP/gRPC endpoint with its API key (<see cref="OtlpExporter"/>).
/// </summary>
public sealed class DashboardResource : ExecutableResource, IResourceWithEndpoints
{
    public const string ResourceName = "parity-dashboard";
    public const string ImageName = "parity-dashboard";
    public const string FrontendEndpoint = "http";
    public const string OtlpGrpcEndpoint = "otlp-grpc";
    public const string OtlpHttpEndpoint = "otlp-http";
    public const string HealthPath = "/health";

    /// <summary>Aspire's dashboard ports, which the cluster's Service exposes.</summary>
    private static readonly Dictionary<string, int> ContainerPorts = new()
    {
        [FrontendEndpoint] = 18888,
        [OtlpGrpcEndpoint] = 18889,
        [OtlpHttpEndpoint] = 18890,
    };

    /// <param name="inContainer">
    /// In a container it listens on every interface (the Service reaches the pod on its own address) at fixed ports;
    /// on this machine on loopback, at ports allocated for the run.
    /// </param>
    public DashboardResource(string command, string workingDirectory, IExpressionValue otlpApiKey, IExpressionValue browserToken, bool inContainer)
        : base(ResourceName, command, workingDirectory)
    {
        OtlpApiKey = otlpApiKey;
        BrowserToken = browserToken;
        var address = inContainer ? "0.0.0.0" : "127.0.0.1";
        AddEndpoint(FrontendEndpoint, "Dashboard__FrontendUrl", address, inContainer);
        AddEndpoint(OtlpGrpcEndpoint, "Dashboard__OtlpGrpcUrl", address, inContainer);
        AddEndpoint(OtlpHttpEndpoint, "Dashboard__OtlpHttpUrl", address, inContainer);
        Annotations.Add(new EnvironmentAnnotation("Dashboard__OtlpApiKey", ReferenceExpression.Of(otlpApiKey)));
        Annotations.Add(new EnvironmentAnnotation("Dashboard__BrowserToken", ReferenceExpression.Of(browserToken)));
        Annotations.Add(new HttpHealthCheckAnnotation(FrontendEndpoint, HealthPath));
    }

    /// <summary>The key every project sends in <c>x-otlp-api-key</c>.</summary>
    public IExpressionValue OtlpApiKey { get; }

    /// <summary>The token a browser signs in with (<c>/login?t=TOKEN</c>).</summary>
    public IExpressionValue BrowserToken { get; }

    /// <summary>Where every project exports telemetry: the OTLP/gRPC endpoint, with the API key.</summary>
    public OtlpExporterSettings OtlpExporter => new(
        ReferenceExpression.Of(new EndpointReference(this, OtlpGrpcEndpoint)),
        "grpc",
        ReferenceExpression.Create($"x-otlp-api-key={OtlpApiKey}"));

    /// <summary>
    /// The dashboard's image in the cluster, keeping telemetry in memory. Its two keys are secret parameters that are
    /// never read when publishing: the cluster takes their values from the overlay's secrets.env.
    /// </summary>
    public static DashboardResource ForCluster()
    {
        var dashboard = new DashboardResource(
            "dotnet", "/app",
            new ParameterResource($"{ResourceName}-otlp-api-key", () => null, secret: true),
            new ParameterResource($"{ResourceName}-browser-token", () => null, secret: true),
            inContainer: true);
        dashboard.Annotations.Add(new ContainerImageAnnotation(ImageName, "latest"));
        return dashboard;
    }

    private void AddEndpoint(string name, string urlVariable, string address, bool inContainer)
    {
        var port = inContainer ? ContainerPorts[name] : (int?)null;
        Annotations.Add(new EndpointAnnotation(name, "http", port, port));
        var listenPort = new EndpointReference(this, name).Property(EndpointProperty.TargetPort);
        Annotations.Add(new EnvironmentAnnotation(urlVariable, ReferenceExpression.Create($"http://{address}:{listenPort}")));
    }
}
