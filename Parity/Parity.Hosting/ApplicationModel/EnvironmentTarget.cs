namespace Parity.Hosting.ApplicationModel;

public enum EnvironmentTarget
{
    /// <summary>A process on this machine, started by the orchestrator.</summary>
    Local,

    /// <summary>aspire-manifest.json.</summary>
    Manifest,

    /// <summary>A container in Kubernetes.</summary>
    Cluster,
}

/// <summary>Where telemetry goes; null when there is no collector.</summary>
/// <param name="Endpoint">An expression: locally a URL on localhost, in the cluster the dashboard Service's URL.</param>
/// <param name="Headers">An expression, because the headers carry the collector's API key: a secret.</param>
public sealed record OtlpExporterSettings(ReferenceExpression Endpoint, string Protocol, ReferenceExpression? Headers)
{
    /// <summary>The dashboard's OTLP/gRPC endpoint, as every locally run resource gets it (the run and the parity check share it).</summary>
    public static OtlpExporterSettings ForDashboard(int otlpGrpcPort, RunSecret apiKey) =>
        new(ReferenceExpression.Literal($"http://localhost:{otlpGrpcPort}"), "grpc", ReferenceExpression.Create($"x-otlp-api-key={apiKey}"));
}

/// <param name="InstanceId">The replica's identity locally (<c>service.instance.id</c>).</param>
public sealed record EnvironmentContext(EnvironmentTarget Target, string? InstanceId = null, OtlpExporterSettings? Otlp = null);
