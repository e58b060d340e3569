namespace Parity.Hosting.ApplicationModel;

/// <summary>
/// The resource exports OpenTelemetry: it gets the OTLP variables (endpoint, protocol, headers, service name) as a
/// project does. Projects get them without it; a Node or Python app says so with <c>WithOtlpExporter()</c>.
/// </summary>
public sealed class OtlpExporterAnnotation : IResourceAnnotation;
