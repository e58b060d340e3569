using Parity.Hosting.ApplicationModel;

namespace Parity.Hosting.Redis;

/// <summary>Redis Insight, added by <c>WithRedisInsight</c>: one for the app, with every Redis server registered.</summary>
public class RedisInsightResource(string name) : ContainerResource(name)
{
    public EndpointReference PrimaryEndpoint => new(this, "http");
}
