using Microsoft.Extensions.Configuration;

namespace Gateway.Tests;

/// <summary>
/// A configuration source that changes and signals a reload, the way a watched file or a mounted
/// ConfigMap does when an orchestrator moves a service.
/// </summary>
internal sealed class MovableServiceConfiguration : ConfigurationProvider, IConfigurationSource
{
    public IConfigurationProvider Build(IConfigurationBuilder builder) => this;

    public void Point(string service, Uri address)
    {
        Data[$"services:{service}:http:0"] = address.ToString();
        OnReload();
    }
}
