using Parity.Hosting.ApplicationModel;
using Parity.Hosting.Yarp;

namespace Parity.Hosting;

public static class YarpResourceExtensions
{
    /// <summary>
    /// A YARP reverse proxy (Aspire's name and signature): Parity's YARP host, locally a process at a free port (or
    /// <see cref="WithHostPort"/>), in the cluster its image listening on 5000. Routes come from
    /// <see cref="WithConfiguration"/>; telemetry goes to the dashboard.
    /// </summary>
    public static IResourceBuilder<YarpResource> AddYarp(this IDistributedApplicationBuilder builder, string name)
    {
        var resource = new YarpResource(name);
        return builder.AddResource(resource)
            // HTTP_PORTS: where it listens in its container; locally the launcher binds loopback at the endpoint's port.
            .WithHttpEndpoint(targetPort: YarpResource.ContainerPort, name: YarpResource.PrimaryEndpointName, env: "HTTP_PORTS")
            .WithOtlpExporter()
            .WithAnnotation(new YarpNativeLauncher())
            .WithAnnotation(new ContainerImageAnnotation(YarpResource.ImageName, "latest"))
            .WithAnnotation(new ToolImageAnnotation(typeof(YarpResource), YarpResource.Tool, YarpResource.EntryAssembly))
            .WithAnnotation(new ProbesAnnotation(YarpResource.HealthPath, YarpResource.HealthPath))
            .WithAnnotation(new ValidationAnnotation(_ => YarpValidation.Errors(resource)));
    }

    /// <summary>Declares routes and clusters; may be called more than once, each call adding to the last.</summary>
    public static IResourceBuilder<YarpResource> WithConfiguration(this IResourceBuilder<YarpResource> builder, Action<IYarpConfigurationBuilder> configurationBuilder)
    {
        ArgumentNullException.ThrowIfNull(configurationBuilder);
        configurationBuilder(new YarpConfigurationBuilder(builder));
        return builder;
    }

    /// <summary>The port the proxy listens on locally, instead of a free one; null for a free one.</summary>
    public static IResourceBuilder<YarpResource> WithHostPort(this IResourceBuilder<YarpResource> builder, int? port)
    {
        builder.Resource.Endpoints().Single(e => e.Name == YarpResource.PrimaryEndpointName).Port = port;
        return builder;
    }

    /// <summary>Serves the host's <c>wwwroot</c> folder besides proxying (index.html at <c>/</c>).</summary>
    public static IResourceBuilder<YarpResource> WithStaticFiles(this IResourceBuilder<YarpResource> builder) =>
        builder.WithEnvironment("YARP_ENABLE_STATIC_FILES", "true");
}
