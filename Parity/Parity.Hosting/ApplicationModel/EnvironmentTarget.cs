namespace Parity.Hosting.ApplicationModel;

public enum EnvironmentTarget
{
    /// <summary>A process on this machine, started by the orchestrator.</summary>
    Local,

    /// <summary>aspire-manifest.json.</summary>
    Manifest,

    /// <summary>A container in Kubernetes.</summary>
    Cluster,

    /// <summary>A service of a Docker Compose file: hosts are service names, ports are container ports, as in the cluster.</summary>
    Compose,
}

/// <summary>Where telemetry goes (the dashboard's <see cref="DashboardResource.OtlpExporter"/>); null when there is no collector.</summary>
/// <param name="Endpoint">An expression: locally a URL on localhost, in the cluster the dashboard Service's URL.</param>
/// <param name="Headers">An expression, because the headers carry the collector's API key: a secret.</param>
public sealed record OtlpExporterSettings(ReferenceExpression Endpoint, string Protocol, ReferenceExpression? Headers);

/// <param name="InstanceId">The replica's identity locally (<c>service.instance.id</c>).</param>
public sealed record EnvironmentContext(EnvironmentTarget Target, string? InstanceId = null, OtlpExporterSettings? Otlp = null);
