using Microsoft.Extensions.Configuration;

namespace Gateway.Tests;

/// <summary>
/// A configuration source that changes and signals a reload, the way a watched file or a mounted
/// ConfigMap does when an orchestrator moves a service.
/// </summary>
internal sealed class MovableServiceConfiguration : ConfigurationProvider, IConfigurationSource
{
    public IConfigurationProvider Build(IConfigurationBuilder builder) => this;

    /// <summary>Points the service at these addresses (several: replicas the gateway balances across).</summary>
    public void Point(string service, params Uri[] addresses)
    {
        foreach (var stale in Data.Keys.Where(key => key.StartsWith($"services:{service}:http:", StringComparison.Ordinal)).ToList())
        {
            Data.Remove(stale);
        }
        for (var index = 0; index < addresses.Length; index++)
        {
            Data[$"services:{service}:http:{index}"] = addresses[index].ToString();
        }
        OnReload();
    }
}
