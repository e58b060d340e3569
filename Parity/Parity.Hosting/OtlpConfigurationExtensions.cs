using Parity.Hosting.ApplicationModel;

namespace Parity.Hosting;

public static class OtlpConfigurationExtensions
{
    /// <summary>Gives the resource the OTLP variables (<c>OTEL_EXPORTER_OTLP_ENDPOINT</c>, ...), so its telemetry reaches the dashboard.</summary>
    public static IResourceBuilder<T> WithOtlpExporter<T>(this IResourceBuilder<T> builder) where T : IResourceWithEnvironment =>
        builder.Resource.AnnotationsOf<OtlpExporterAnnotation>().Any() ? builder : builder.WithAnnotation(new OtlpExporterAnnotation());
}
