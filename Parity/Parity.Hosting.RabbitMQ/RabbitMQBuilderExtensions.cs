using Parity.Hosting.ApplicationModel;
using Parity.Hosting.Integrations.RabbitMQ;

namespace Parity.Hosting;

public static class RabbitMQBuilderExtensions
{
    private const string Image = "rabbitmq";

    // The series Debian 12 ships (3.10.8), so the cluster runs the broker developers run.
    private const string Tag = "3.10";

    /// <summary>
    /// RabbitMQ 3.10: locally the broker of the Debian package rabbitmq-server, in the cluster the <c>rabbitmq:3.10</c> image.
    /// The user is <c>guest</c> unless given; the password is generated unless given.
    /// </summary>
    public static IResourceBuilder<RabbitMQServerResource> AddRabbitMQ(
        this IDistributedApplicationBuilder builder,
        string name,
        IResourceBuilder<ParameterResource>? userName = null,
        IResourceBuilder<ParameterResource>? password = null,
        int? port = null)
    {
        var rabbit = new RabbitMQServerResource(name, userName?.Resource, builder.ParameterOrGenerated(password, name, "password"));
        return builder.AddResource(rabbit)
            .WithEndpoint(port: port, targetPort: 5672, scheme: "tcp", name: RabbitMQServerResource.PrimaryEndpointName)
            .WithEnvironment("RABBITMQ_DEFAULT_USER", rabbit.UserNameReference)
            .WithEnvironment("RABBITMQ_DEFAULT_PASS", ReferenceExpression.Of(rabbit.PasswordParameter))
            .WithAnnotation(new RabbitMQNativeLauncher())
            .WithAnnotation(new RequiredBinaryAnnotation(RabbitMQNativeLauncher.ServerScript, "apt-get install rabbitmq-server"))
            .WithAnnotation(new RequiredBinaryAnnotation("epmd", "apt-get install rabbitmq-server"))
            .WithAnnotation(new ContainerImageAnnotation(Image, Tag))
            .WithAnnotation(new HealthCheckCommandAnnotation("rabbitmq-diagnostics -q ping"))
            .WithAnnotation(new LocalVersionAnnotation(InstalledSeries));
    }

    /// <summary>The installed broker's major.minor, from Debian's folder name (rabbitmq_server-3.10.8), or null.</summary>
    private static string? InstalledSeries() =>
        Directory.Exists("/usr/lib/rabbitmq/lib")
            ? Directory.GetDirectories("/usr/lib/rabbitmq/lib", "rabbitmq_server-*")
                .Select(dir => Path.GetFileName(dir)["rabbitmq_server-".Length..].Split('.'))
                .Where(parts => parts.Length >= 2)
                .Select(parts => $"{parts[0]}.{parts[1]}")
                .FirstOrDefault()
            : null;

    /// <summary>Turns on the management plugin: its web UI and HTTP API on the <c>management</c> endpoint.</summary>
    public static IResourceBuilder<RabbitMQServerResource> WithManagementPlugin(this IResourceBuilder<RabbitMQServerResource> builder, int? port = null)
    {
        foreach (var image in builder.Resource.AnnotationsOf<ContainerImageAnnotation>().ToList())
        {
            builder.Resource.Annotations.Remove(image);
        }
        return builder
            .WithHttpEndpoint(port: port, targetPort: 15672, name: RabbitMQServerResource.ManagementEndpointName)
            .WithAnnotation(new ContainerImageAnnotation(Image, $"{Tag}-management"));
    }

    /// <summary>Keeps the broker's database (users, durable queues, persistent messages) across runs.</summary>
    public static IResourceBuilder<RabbitMQServerResource> WithDataVolume(
        this IResourceBuilder<RabbitMQServerResource> builder, string? name = null, bool isReadOnly = false) =>
        builder.WithAnnotation(new VolumeAnnotation(name ?? $"{builder.Resource.Name}-data", "/var/lib/rabbitmq", isReadOnly));
}
