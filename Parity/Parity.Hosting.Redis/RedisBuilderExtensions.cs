using Parity.Hosting.ApplicationModel;
using Parity.Hosting.Integrations.Redis;

namespace Parity.Hosting;

public static partial class RedisBuilderExtensions
{
    /// <summary>Redis 7: locally <c>redis-server</c> (Debian package redis-server), in the cluster the <c>redis:7</c> image.</summary>
    public static IResourceBuilder<RedisResource> AddRedis(
        this IDistributedApplicationBuilder builder, string name, int? port = null, IResourceBuilder<ParameterResource>? password = null)
    {
        var redis = new RedisResource(name, builder.ParameterOrGenerated(password, name, "password"));
        return builder.AddResource(redis)
            .WithEndpoint(port: port, targetPort: 6379, scheme: "tcp", name: RedisResource.PrimaryEndpointName)
            .WithAnnotation(new RedisNativeLauncher())
            .WithAnnotation(new RequiredBinaryAnnotation("redis-server", "apt-get install redis-server"))
            // In the container the password comes from the environment, never from the command line in a manifest.
            .WithEnvironment("REDIS_PASSWORD", ReferenceExpression.Of(redis.PasswordParameter))
            .WithArgs("-c", "redis-server --requirepass $REDIS_PASSWORD")
            .WithAnnotation(new ContainerImageAnnotation("redis", "7", Entrypoint: "/bin/sh"))
            // redis-cli exits 0 on an error reply too (NOAUTH, LOADING): only PONG means ready.
            .WithAnnotation(new HealthCheckCommandAnnotation("redis-cli -a \"$REDIS_PASSWORD\" --no-auth-warning ping | grep -q PONG"))
            .WithAnnotation(new LocalVersionAnnotation(InstalledMajorVersion));
    }

    /// <summary>Keeps the data (append-only file) across runs.</summary>
    public static IResourceBuilder<RedisResource> WithDataVolume(
        this IResourceBuilder<RedisResource> builder, string? name = null, bool isReadOnly = false) =>
        builder.WithAnnotation(new VolumeAnnotation(name ?? $"{builder.Resource.Name}-data", "/data", isReadOnly));

    /// <summary>The major version of the local <c>redis-server</c> ("Redis server v=7.0.15 ..."), or null without one.</summary>
    private static string? InstalledMajorVersion()
    {
        if (ExecutableLocator.Find("redis-server") is not { } program)
        {
            return null;
        }
        using var process = System.Diagnostics.Process.Start(new System.Diagnostics.ProcessStartInfo(program, "--version") { RedirectStandardOutput = true })!;
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        var version = output.Split(' ').FirstOrDefault(part => part.StartsWith("v=", StringComparison.Ordinal));
        return version?[2..].Split('.')[0];
    }
}
