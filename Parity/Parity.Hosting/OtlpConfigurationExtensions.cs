using Parity.Hosting.ApplicationModel;

namespace Parity.Hosting;

public static class OtlpConfigurationExtensions
{
    /// <summary>Sends the resource's telemetry to the dashboard (the <c>OTEL_*</c> variables projects get).</summary>
    public static IResourceBuilder<T> WithOtlpExporter<T>(this IResourceBuilder<T> builder) where T : IResourceWithEnvironment =>
        builder.Resource.AnnotationsOf<OtlpExporterAnnotation>().Any() ? builder : builder.WithAnnotation(new OtlpExporterAnnotation());
}
