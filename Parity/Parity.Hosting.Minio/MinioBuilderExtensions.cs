using Parity.Hosting.ApplicationModel;
using Parity.Hosting.Integrations.Minio;

namespace Parity.Hosting;

public static class MinioBuilderExtensions
{
    /// <summary>
    /// MinIO (the CommunityToolkit's name and signature): locally the <c>minio</c> binary when it is on PATH, else
    /// Parity's own S3-compatible server; in the cluster the <c>minio/minio</c> image.
    /// </summary>
    public static IResourceBuilder<MinioContainerResource> AddMinioContainer(
        this IDistributedApplicationBuilder builder, string name, IResourceBuilder<ParameterResource>? rootUser = null,
        IResourceBuilder<ParameterResource>? rootPassword = null, int? minioPort = null)
    {
        var user = rootUser?.Resource ?? builder.AddParameter($"{name}-user", "minioadmin").Resource;
        var minio = new MinioContainerResource(name, user, builder.ParameterOrGenerated(rootPassword, name, "password"));
        return builder.AddResource(minio)
            .WithEndpoint(port: minioPort, targetPort: 9000, scheme: "http", name: MinioContainerResource.PrimaryEndpointName)
            .WithEnvironment("MINIO_ROOT_USER", ReferenceExpression.Of(minio.RootUser))
            .WithEnvironment("MINIO_ROOT_PASSWORD", ReferenceExpression.Of(minio.PasswordParameter))
            .WithArgs("server", "/data")
            .WithAnnotation(new MinioNativeLauncher())
            .WithAnnotation(new ContainerImageAnnotation("minio/minio", "RELEASE.2025-09-07T16-13-09Z", "docker.io"))
            // The image ships the MinIO client, whose "ready" asks the server's own readiness endpoint.
            .WithAnnotation(new HealthCheckCommandAnnotation("mc ready local"));
    }

    /// <summary>Keeps buckets and objects across runs.</summary>
    public static IResourceBuilder<MinioContainerResource> WithDataVolume(
        this IResourceBuilder<MinioContainerResource> builder, string? name = null, bool isReadOnly = false) =>
        builder.WithAnnotation(new VolumeAnnotation(name ?? $"{builder.Resource.Name}-data", "/data", isReadOnly));
}
