using Parity.Hosting.ApplicationModel;

namespace Parity.Hosting.Redis;

/// <summary>Redis Commander, added by <c>WithRedisCommander</c>: one for the app, connected to every Redis server.</summary>
public class RedisCommanderResource(string name) : ContainerResource(name);
