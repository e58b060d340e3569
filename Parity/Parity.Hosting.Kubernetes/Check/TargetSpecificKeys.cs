namespace Parity.Hosting.Kubernetes;

/// <summary>
/// The environment keys that legitimately differ between a local run and the cluster: the parity check ignores them
/// on either side. Every other key a process reads must be present in both targets.
/// </summary>
public static class TargetSpecificKeys
{
    private static readonly HashSet<string> Keys = new(StringComparer.Ordinal)
    {
        // Where the process listens: locally a URL on localhost at an allocated port, in a container all interfaces at its target ports.
        "ASPNETCORE_URLS",
        "HTTP_PORTS",
        "HTTPS_PORTS",

        // Development locally; the cluster runs the image's default, Production.
        "ASPNETCORE_ENVIRONMENT",
        "DOTNET_ENVIRONMENT",

        // Telemetry goes to the local dashboard at an allocated port with this run's key; in the cluster to the published
        // dashboard's Service with the Secret's key (publish --include-dashboard), or to no collector at all.
        "OTEL_EXPORTER_OTLP_ENDPOINT",
        "OTEL_EXPORTER_OTLP_PROTOCOL",
        "OTEL_EXPORTER_OTLP_HEADERS",

        // The replica's identity is the orchestrator's instance id locally; the cluster's is the pod's.
        "OTEL_RESOURCE_ATTRIBUTES",

        // Short export intervals so the dashboard shows telemetry at once; the cluster keeps the SDK's defaults.
        "OTEL_BSP_SCHEDULE_DELAY",
        "OTEL_BLRP_SCHEDULE_DELAY",
        "OTEL_METRIC_EXPORT_INTERVAL",
    };

    /// <summary>The prefix of the variables a container takes from the Secret only so that other values can expand <c>$(VAR)</c>.</summary>
    public const string SecretVariablePrefix = "PARAM_";

    public static bool Contains(string key) =>
        Keys.Contains(key) || key.StartsWith(SecretVariablePrefix, StringComparison.Ordinal);
}
