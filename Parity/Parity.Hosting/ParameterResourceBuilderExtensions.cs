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

    /// <summary>A parameter generated once per machine (kept 0600 in the state folder) unless <c>Parameters:&lt;name&gt;</c> is set.</summary>
    public static IResourceBuilder<ParameterResource> AddParameter(
        this IDistributedApplicationBuilder builder, string name, GenerateParameterDefault value, bool secret = false) =>
        builder.AddGeneratedParameter(name, value.MinLength, secret);

    /// <summary>An existing connection string from configuration <c>ConnectionStrings:&lt;name&gt;</c>.</summary>
    public static IResourceBuilder<IResourceWithConnectionString> AddConnectionString(
        this IDistributedApplicationBuilder builder, string name, string? environmentVariableName = null)
    {
        var configuration = builder.Configuration;
        return builder.AddResource(new ConnectionStringResource(name, () => configuration.GetConnectionString(name), environmentVariableName));
    }

    /// <summary>
    /// A parameter that integrations create for passwords: configuration <c>Parameters:&lt;name&gt;</c> when set,
    /// else a value generated once per machine and kept in the state folder.
    /// </summary>
    public static IResourceBuilder<ParameterResource> AddGeneratedParameter(this IDistributedApplicationBuilder builder, string name, int length = 22, bool secret = true)
    {
        var configuration = builder.Configuration;
        var secrets = ((IGeneratedSecretsOwner)builder).Secrets;
        return builder.AddResource(new ParameterResource(name, () => configuration[$"Parameters:{name}"] ?? secrets.GetOrCreate(name, length), secret))
            .WithAnnotation(new GeneratedValueAnnotation(length));
    }

    /// <summary>A parameter given to an integration, or a generated one named <c>&lt;resource&gt;-&lt;suffix&gt;</c>.</summary>
    public static ParameterResource ParameterOrGenerated(
        this IDistributedApplicationBuilder builder, IResourceBuilder<ParameterResource>? given, string resourceName, string suffix) =>
        given?.Resource ?? builder.AddGeneratedParameter($"{resourceName}-{suffix}").Resource;
}
