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

    /// <summary>A parameter whose value comes from the configuration key given instead of <c>Parameters:&lt;name&gt;</c>.</summary>
    public static IResourceBuilder<ParameterResource> AddParameterFromConfiguration(
        this IDistributedApplicationBuilder builder, string name, string configurationKey, bool secret = false)
    {
        var configuration = builder.Configuration;
        return builder.AddResource(new ParameterResource(name, () => configuration[configurationKey], secret, configurationKey));
    }

    /// <summary>
    /// A parameter with a value given in code; configuration <c>Parameters:&lt;name&gt;</c> still overrides it. With
    /// <paramref name="publishValueAsDefault"/>, aspire-manifest.json publishes the value as the parameter's default,
    /// which a secret's value never is.
    /// </summary>
    public static IResourceBuilder<ParameterResource> AddParameter(
        this IDistributedApplicationBuilder builder, string name, string value, bool publishValueAsDefault = false, bool secret = false)
    {
        if (publishValueAsDefault && secret)
        {
            throw new DistributedApplicationException(
                $"Parameter '{name}' is secret, so its value cannot be published as the manifest's default. " +
                "Remove publishValueAsDefault, or make the parameter not secret.");
        }
        var configuration = builder.Configuration;
        var parameter = builder.AddResource(new ParameterResource(name, () => configuration[$"Parameters:{name}"] ?? value, secret));
        return publishValueAsDefault ? parameter.WithAnnotation(new PublishedDefaultValueAnnotation(value)) : parameter;
    }

    /// <summary>What the parameter is for, shown to whoever is asked for its value.</summary>
    public static IResourceBuilder<ParameterResource> WithDescription(
        this IResourceBuilder<ParameterResource> builder, string description, bool enableMarkdown = false)
    {
        builder.Resource.Description = description;
        builder.Resource.EnableDescriptionMarkdown = enableMarkdown;
        return builder;
    }

    /// <summary>How a user is asked for the parameter's value.</summary>
    public static IResourceBuilder<ParameterResource> WithCustomInput(
        this IResourceBuilder<ParameterResource> builder, Func<ParameterResource, InteractionInput> createInput) =>
        builder.WithAnnotation(new CustomInputAnnotation(createInput));

    /// <summary>A parameter generated once per machine (kept 0600 in the state folder) unless <c>Parameters:&lt;name&gt;</c> is set.</summary>
    public static IResourceBuilder<ParameterResource> AddParameter(
        this IDistributedApplicationBuilder builder, string name, GenerateParameterDefault value, bool secret = false) =>
        builder.AddGeneratedParameter(name, value.MinLength, secret);

    /// <summary>An existing connection string from configuration <c>ConnectionStrings:&lt;name&gt;</c>.</summary>
    public static IResourceBuilder<IResourceWithConnectionString> AddConnectionString(
        this IDistributedApplicationBuilder builder, string name, string? environmentVariableName = null)
    {
        var configuration = builder.Configuration;
        return builder.AddResource(new ConnectionStringParameterResource(name, () => configuration.GetConnectionString(name), environmentVariableName));
    }

    /// <summary>A connection string composed of other values (endpoints, parameters, other connection strings), rendered per target.</summary>
    public static IResourceBuilder<ConnectionStringResource> AddConnectionString(
        this IDistributedApplicationBuilder builder, string name, ReferenceExpression connectionStringExpression) =>
        builder.AddResource(new ConnectionStringResource(name, connectionStringExpression));

    /// <summary>A connection string composed piece by piece, e.g. with optional parts.</summary>
    public static IResourceBuilder<ConnectionStringResource> AddConnectionString(
        this IDistributedApplicationBuilder builder, string name, Action<ReferenceExpressionBuilder> connectionStringBuilder)
    {
        var expression = new ReferenceExpressionBuilder();
        connectionStringBuilder(expression);
        return builder.AddConnectionString(name, expression.Build());
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
