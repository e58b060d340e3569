using StackExchange.Redis;

namespace Notifications;

public static class RedisServiceCollectionExtensions
{
    /// <summary>One multiplexer to <c>ConnectionStrings__redis</c> (<c>host:port,password=...</c>), and its health check.</summary>
    public static IServiceCollection AddRedisConnection(this IServiceCollection services, string applicationName)
    {
        services.AddSingleton<IConnectionMultiplexer>(provider =>
        {
            var connectionString = provider.GetRequiredService<IConfiguration>().GetConnectionString("redis")
                ?? throw new InvalidOperationException("ConnectionStrings__redis is not set: notifications needs Redis.");
            var options = ConfigurationOptions.Parse(connectionString);
            // Start even when Redis is not up yet; the multiplexer keeps reconnecting and /health tells.
            options.AbortOnConnectFail = false;
            options.ClientName = applicationName;
            return ConnectionMultiplexer.Connect(options);
        });
        services.AddHealthChecks().AddCheck<RedisConnectedHealthCheck>("redis");
        return services;
    }
}
