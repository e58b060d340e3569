using Microsoft.Extensions.Configuration;
using Parity.Hosting.ApplicationModel;

namespace Parity.Hosting;

public static class ParameterResourceBuilderExtensions
{
    /// <summary>A parameter whose value comes from configuration <c>Parameters:&lt;name&gt;</c>.</summary>
    public static IResourceBuilder<ParameterResource> AddParameter(this IDistributedApplicationBuilder builder, string name, bool secret = false)
    {
        var configuration = builder.Configuration;
        return builder.AddResource(new ParameterResource(name, () => configuration[$"Parameters:{name}"], secret));
    }

    /// <summary>A parameter with a value given in code; configuration <c>Parameters:&lt;name&gt;</c> still overrides it.</summary>
    public static IResourceBuilder<ParameterResource> AddParameter(
        this IDistributedApplicationBuilder builder, string name, string value, bool publishValueAsDefault = false, bool secret = false)
    {
        var configuration = builder.Configuration;
        return builder.AddResource(new ParameterResource(name, () => configuration[$"Parameters:{name}"] ?? value, secret));
    }

    /// <summary>An existing connection string from configuration <c>ConnectionStrings:&lt;name&gt;</c>.</summary>
    public static IResourceBuilder<IResourceWithConnectionString> AddConnectionString(
        this IDistributedApplicationBuilder builder, string name, string? environmentVariableName = null)
    {
        var configuration = builder.Configuration;
        return builder.AddResource(new ConnectionStringResource(name, () => configuration.GetConnectionString(name), environmentVariableName));
    }
}
