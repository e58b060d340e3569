using Parity.Hosting.ApplicationModel;

namespace Parity.Hosting;

public static class ReferenceBuilderExtensions
{
    /// <summary>Injects <c>ConnectionStrings__&lt;connectionName&gt;</c> (the source's name by default).</summary>
    public static IResourceBuilder<TDestination> WithReference<TDestination>(
        this IResourceBuilder<TDestination> builder, IResourceBuilder<IResourceWithConnectionString> source,
        string? connectionName = null, bool optional = false)
        where TDestination : IResourceWithEnvironment
    {
        var name = connectionName ?? source.Resource.ConnectionStringEnvironmentVariable ?? source.Resource.Name;
        return builder.WithAnnotation(new ConnectionStringReferenceAnnotation(source.Resource, name, optional));
    }

    /// <summary>Injects <c>services__&lt;name&gt;__&lt;endpoint&gt;__0</c> for each endpoint of the source (service discovery).</summary>
    public static IResourceBuilder<TDestination> WithReference<TDestination>(
        this IResourceBuilder<TDestination> builder, IResourceBuilder<IResourceWithServiceDiscovery> source)
        where TDestination : IResourceWithEnvironment =>
        builder.WithAnnotation(new ServiceDiscoveryReferenceAnnotation(source.Resource));

    /// <summary>Injects <c>services__&lt;name&gt;__&lt;endpoint&gt;__0</c> for one endpoint.</summary>
    public static IResourceBuilder<TDestination> WithReference<TDestination>(
        this IResourceBuilder<TDestination> builder, EndpointReference endpointReference)
        where TDestination : IResourceWithEnvironment =>
        builder.WithAnnotation(new ServiceDiscoveryReferenceAnnotation(endpointReference.Resource, endpointReference.EndpointName));
}
