using NJsonSchema;
using Parity.Hosting;
using Parity.Hosting.ApplicationModel;
using Parity.Hosting.Publishing;
using Parity.Testing;

namespace EndToEnd.Tests;

/// <summary>Containers with every option Parity publishes, in a manifest that Aspire's schema accepts.</summary>
public sealed class ContainerManifestSchemaTests
{
    [Fact]
    public async Task AContainerWithEveryPublishedOptionValidatesAgainstAspiresSchema()
    {
        var output = Directory.CreateTempSubdirectory("parity-manifest-");
        var builder = DistributedApplicationTestingBuilder.Create([]);
        var pg = builder.AddPostgres("pg").WithDataVolume(isReadOnly: true).WithPgAdmin().WithPgWeb();
        builder.AddRedis("cache").WithRedisCommander().WithRedisInsight();
        builder.AddContainer("web", "nginx", "1.27")
            .WithImageRegistry("docker.io")
            .WithHttpEndpoint(targetPort: 8080, env: "PORT")
            .WithEnvironment("DB", ReferenceExpression.Of(pg.Resource.PrimaryEndpoint.Host))
            .WithBindMount(Path.Combine(output.FullName, "site"), "/usr/share/nginx/html", isReadOnly: true)
            .WithVolume("web-cache", "/var/cache/nginx")
            .WithVolume("/tmp/scratch")
            .WithEntrypoint("/docker-entrypoint.sh")
            .WithArgs("nginx", "-g", "daemon off;")
            .WithLifetime(ContainerLifetime.Persistent);
        var path = Path.Combine(output.FullName, "aspire-manifest.json");
        ManifestPublisher.Write(new DistributedApplicationModel([.. builder.Resources]), path);

        var schema = await JsonSchema.FromJsonAsync(await ManifestPublishingTests.SchemaAsync(), TestContext.Current.CancellationToken);
        var errors = schema.Validate(await File.ReadAllTextAsync(path, TestContext.Current.CancellationToken));

        Assert.True(errors.Count == 0, string.Join(Environment.NewLine, errors.Select(ManifestPublishingTests.Describe)));
        output.Delete(recursive: true);
    }
}
