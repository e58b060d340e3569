using Parity.Hosting.ApplicationModel;
using Parity.Hosting.Redis;

namespace Parity.Hosting;

/// <summary>
/// Redis Commander and Redis Insight: containers run with docker or podman (Aspire's images), given the servers through
/// their launch description, like any container. Each covers every Redis server declared when it is last configured.
/// </summary>
public static partial class RedisBuilderExtensions
{
    /// <summary>Redis Commander (<c>rediscommander/redis-commander:latest</c>) connected to every Redis server.</summary>
    public static IResourceBuilder<RedisResource> WithRedisCommander(
        this IResourceBuilder<RedisResource> builder, Action<IResourceBuilder<RedisCommanderResource>>? configureContainer = null, string? containerName = null)
    {
        var app = builder.ApplicationBuilder;
        var commander = app.Resources.OfType<RedisCommanderResource>().SingleOrDefault() is { } existing
            ? app.CreateResourceBuilder(existing)
            : app.AddResource(new RedisCommanderResource(containerName ?? "rediscommander"))
                .WithImage("rediscommander/redis-commander", "latest")
                .WithImageRegistry("docker.io")
                .ExcludeFromManifest() // a development tool, as in Aspire: not published
                .WithHttpEndpoint(targetPort: 8081, name: "http", env: "PORT");
        // label:host:port:db:password for each server, comma-separated.
        var hosts = ReferenceExpression.Empty;
        foreach (var redis in app.Resources.OfType<RedisResource>())
        {
            var host = ReferenceExpression.Create(
                $"{redis.Name}:{redis.PrimaryEndpoint.Host}:{redis.PrimaryEndpoint.Port}:0:{redis.PasswordParameter}");
            hosts = hosts == ReferenceExpression.Empty ? host : ReferenceExpression.Create($"{hosts},{host}");
        }
        commander.WithEnvironment("REDIS_HOSTS", hosts);
        configureContainer?.Invoke(commander);
        return builder;
    }

    /// <summary>Redis Insight (<c>redis/redisinsight:2.68</c>) with every Redis server registered (its RI_REDIS_* variables).</summary>
    public static IResourceBuilder<RedisResource> WithRedisInsight(
        this IResourceBuilder<RedisResource> builder, Action<IResourceBuilder<RedisInsightResource>>? configureContainer = null, string? containerName = null)
    {
        var app = builder.ApplicationBuilder;
        var insight = app.Resources.OfType<RedisInsightResource>().SingleOrDefault() is { } existing
            ? app.CreateResourceBuilder(existing)
            : app.AddResource(new RedisInsightResource(containerName ?? "redisinsight"))
                .WithImage("redis/redisinsight", "2.68")
                .WithImageRegistry("docker.io")
                .ExcludeFromManifest() // a development tool, as in Aspire: not published
                .WithHttpEndpoint(targetPort: 5540, name: "http", env: "RI_APP_PORT");
        var index = 0;
        foreach (var redis in app.Resources.OfType<RedisResource>())
        {
            index++;
            insight.WithEnvironment($"RI_REDIS_HOST{index}", ReferenceExpression.Of(redis.PrimaryEndpoint.Host))
                .WithEnvironment($"RI_REDIS_PORT{index}", ReferenceExpression.Of(redis.PrimaryEndpoint.Port))
                .WithEnvironment($"RI_REDIS_ALIAS{index}", redis.Name)
                .WithEnvironment($"RI_REDIS_PASSWORD{index}", ReferenceExpression.Of(redis.PasswordParameter));
        }
        configureContainer?.Invoke(insight);
        return builder;
    }
}
