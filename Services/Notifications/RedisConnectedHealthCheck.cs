using Microsoft.Extensions.Diagnostics.HealthChecks;
using StackExchange.Redis;

namespace Notifications;

/// <summary>Healthy while the multiplexer is connected: without Redis no replica can store or hear a change.</summary>
public sealed class RedisConnectedHealthCheck(IConnectionMultiplexer redis) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(redis.IsConnected
            ? HealthCheckResult.Healthy()
            : HealthCheckResult.Unhealthy("Redis is not connected."));
}
