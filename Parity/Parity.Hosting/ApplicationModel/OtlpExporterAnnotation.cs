namespace Parity.Hosting.ApplicationModel;

/// <summary>
/// The resource exports OpenTelemetry: its launch description carries the <c>OTEL_*</c> variables that point it at the
/// dashboard, as a project's always does (Aspire's <c>WithOtlpExporter</c>).
/// </summary>
public sealed class OtlpExporterAnnotation : IResourceAnnotation;
