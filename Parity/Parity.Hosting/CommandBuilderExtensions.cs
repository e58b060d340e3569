using System.Runtime.CompilerServices;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Parity.Hosting.ApplicationModel;
using Parity.Hosting.Orchestration;

namespace Parity.Hosting;

/// <summary>Commands the dashboard and <c>parity resource NAME COMMAND</c> offer for a resource; they run inside the AppHost.</summary>
public static class CommandBuilderExtensions
{
    // The names WithHttpEndpoint, WithHttpsEndpoint and a project's launch profile give; https first, as it is preferred.
    private static readonly string[] HttpEndpointNames = ["https", "http"];

    [OverloadResolutionPriority(1)]
    public static IResourceBuilder<T> WithCommand<T>(
        this IResourceBuilder<T> builder,
        string name,
        string displayName,
        Func<ExecuteCommandContext, Task<ExecuteCommandResult>> executeCommand,
        CommandOptions? commandOptions = null) where T : IResource
    {
        commandOptions ??= CommandOptions.Default;
        return builder.WithCommand(name, displayName, executeCommand, commandOptions.UpdateState, commandOptions.Description, commandOptions.Parameter,
            commandOptions.ConfirmationMessage, commandOptions.IconName, commandOptions.IconVariant, commandOptions.IsHighlighted);
    }

    /// <summary>The same, with the options as parameters (Aspire 9.0 and 9.1's form). A command of the same name is replaced.</summary>
    public static IResourceBuilder<T> WithCommand<T>(
        this IResourceBuilder<T> builder,
        string name,
        string displayName,
        Func<ExecuteCommandContext, Task<ExecuteCommandResult>> executeCommand,
        Func<UpdateCommandStateContext, ResourceCommandState>? updateState = null,
        string? displayDescription = null,
        object? parameter = null,
        string? confirmationMessage = null,
        string? iconName = null,
        IconVariant? iconVariant = null,
        bool isHighlighted = false) where T : IResource
    {
        ArgumentNullException.ThrowIfNull(name);
        if (builder.Resource.AnnotationsOf<ResourceCommandAnnotation>().SingleOrDefault(a => a.Name == name) is { } existing)
        {
            builder.Resource.Annotations.Remove(existing);
        }
        return builder.WithAnnotation(new ResourceCommandAnnotation(name, displayName, updateState ?? (_ => ResourceCommandState.Enabled), executeCommand,
            displayDescription, parameter, confirmationMessage, iconName, iconVariant, isHighlighted));
    }

    /// <summary>
    /// A command that sends an HTTP request (POST unless <see cref="HttpCommandOptions.Method"/> says otherwise) to
    /// <paramref name="path"/> on an HTTP endpoint of the resource (https, else http, unless named). Enabled while the
    /// endpoint's resource runs; it succeeds when the answer is 2xx.
    /// </summary>
    public static IResourceBuilder<T> WithHttpCommand<T>(
        this IResourceBuilder<T> builder,
        string path,
        string displayName,
        string? endpointName = null,
        string? commandName = null,
        HttpCommandOptions? commandOptions = null) where T : IResourceWithEndpoints =>
        builder.WithHttpCommand(path, displayName, commandOptions?.EndpointSelector ?? (() => HttpEndpoint(builder.Resource, endpointName)), commandName, commandOptions);

    /// <summary>The same, to the endpoint <paramref name="endpointSelector"/> gives, which may be another resource's.</summary>
    public static IResourceBuilder<T> WithHttpCommand<T>(
        this IResourceBuilder<T> builder,
        string path,
        string displayName,
        Func<EndpointReference>? endpointSelector,
        string? commandName = null,
        HttpCommandOptions? commandOptions = null) where T : IResourceWithEndpoints
    {
        ArgumentNullException.ThrowIfNull(path);
        var endpoint = (endpointSelector ?? (() => HttpEndpoint(builder.Resource, endpointName: null)))();
        if (!endpoint.Exists || endpoint.Scheme is not ("http" or "https"))
        {
            throw new DistributedApplicationException(
                $"Resource '{builder.Resource.Name}': the HTTP command '{displayName}' needs an HTTP endpoint, and '{endpoint}' is not one.");
        }
        builder.ApplicationBuilder.Services.AddHttpClient();
        // The request is the command's business: its outcome is the command's result, not four lines of the AppHost's log.
        builder.ApplicationBuilder.Services.AddLogging(logging => logging.AddFilter("System.Net.Http.HttpClient", LogLevel.Warning));
        var options = commandOptions ?? HttpCommandOptions.Default;
        var method = options.Method ?? HttpMethod.Post;
        commandName ??= $"{endpoint.Resource.Name}-{endpoint.EndpointName}-http-{method.Method.ToLowerInvariant()}-{path}";
        var updateState = options.UpdateState ?? (context => IsServing(context.ServiceProvider, endpoint.Resource.Name) ? ResourceCommandState.Enabled : ResourceCommandState.Disabled);
        return builder.WithCommand(commandName, displayName, context => SendAsync(context, endpoint, path, method, options), updateState,
            options.Description, options.Parameter, options.ConfirmationMessage, options.IconName, options.IconVariant, options.IsHighlighted);
    }

    private static async Task<ExecuteCommandResult> SendAsync(
        ExecuteCommandContext context, EndpointReference endpoint, string path, HttpMethod method, HttpCommandOptions options)
    {
        var services = context.ServiceProvider;
        var baseUrl = services.GetRequiredService<Orchestrator>().EndpointUrl(endpoint.Resource.Name, endpoint.EndpointName);
        var http = services.GetRequiredService<IHttpClientFactory>().CreateClient(options.HttpClientName ?? Options.DefaultName);
        using var request = new HttpRequestMessage(method, new Uri(baseUrl, path));
        if (options.PrepareRequest is not null)
        {
            await options.PrepareRequest(new HttpCommandRequestContext
            {
                ServiceProvider = services,
                ResourceName = context.ResourceName,
                Endpoint = endpoint,
                CancellationToken = context.CancellationToken,
                HttpClient = http,
                Request = request,
            });
        }
        try
        {
            using var response = await http.SendAsync(request, context.CancellationToken);
            if (options.GetCommandResult is not null)
            {
                return await options.GetCommandResult(new HttpCommandResultContext
                {
                    ServiceProvider = services,
                    ResourceName = context.ResourceName,
                    Endpoint = endpoint,
                    CancellationToken = context.CancellationToken,
                    HttpClient = http,
                    Response = response,
                });
            }
            return response.IsSuccessStatusCode
                ? CommandResults.Success()
                : CommandResults.Failure($"{method} {request.RequestUri} answered {(int)response.StatusCode} {response.ReasonPhrase}");
        }
        catch (HttpRequestException e)
        {
            return CommandResults.Failure(e);
        }
    }

    private static bool IsServing(IServiceProvider services, string resourceName) =>
        services.GetRequiredService<ResourceNotificationService>().Get(resourceName)?.State
            is ResourceState.Running or ResourceState.Healthy or ResourceState.Unhealthy;

    private static EndpointReference HttpEndpoint(IResourceWithEndpoints resource, string? endpointName)
    {
        foreach (var name in endpointName is null ? HttpEndpointNames : [endpointName])
        {
            if (resource.Endpoints().FirstOrDefault(e => string.Equals(e.Name, name, StringComparison.OrdinalIgnoreCase)) is { } endpoint)
            {
                return new EndpointReference(resource, endpoint.Name);
            }
        }
        throw new DistributedApplicationException(endpointName is null
            ? $"Resource '{resource.Name}' has no HTTP endpoint for its HTTP command. Add one with WithHttpEndpoint() first."
            : $"Resource '{resource.Name}' has no endpoint named '{endpointName}' for its HTTP command.");
    }
}
