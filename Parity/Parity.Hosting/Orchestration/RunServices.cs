using System.Net;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Parity.Hosting.ApplicationModel;
using Parity.Hosting.Eventing;

namespace Parity.Hosting.Orchestration;

/// <summary>What every supervisor of one run shares.</summary>
internal sealed class RunServices(
    ResourceNotificationService notifications, ResourceLoggerService logs, DistributedApplicationOptions options, AppHostLifecycle? lifecycle = null,
    HealthCheckService? healthChecks = null)
{
    private static readonly HttpClient Http = new() { Timeout = TimeSpan.FromSeconds(2) };

    public ResourceNotificationService Notifications { get; } = notifications;

    public ResourceLoggerService Logs { get; } = logs;

    public DistributedApplicationOptions Options { get; } = options;

    /// <summary>The AppHost's own health checks, which WithHealthCheck names; null when it registers none.</summary>
    public HealthCheckService? HealthChecks { get; } = healthChecks;

    /// <summary>The dll each project runs from: its build output, or what watch mode last built.</summary>
    public ProjectOutputs Outputs { get; } = new();

    /// <summary>Native code compiled for the .NET apps' builds; null when the run compiles none.</summary>
    public ReadyToRunCache? ReadyToRun { get; init; }

    /// <summary>Whether the resource outlives this run: declared persistent, and allowed by the options.</summary>
    public bool OutlivesRun(IResource resource) => Options.KeepPersistentResources && resource.HasPersistentLifetime();

    /// <summary>Where the resource events are published (none when the run is driven without the host, as some tests do).</summary>
    public AppHostLifecycle? Lifecycle { get; } = lifecycle;

    /// <summary>Resources that wait for a ready one start once its ResourceReadyEvent subscribers are done; null when they succeeded.</summary>
    public async Task<string?> ReadyEventFailureAsync(IResource dependency, CancellationToken stopping)
    {
        try
        {
            await (Lifecycle?.WhenReadyHandledAsync(dependency, stopping) ?? Task.CompletedTask);
            return null;
        }
        catch (DistributedApplicationException e)
        {
            return e.Message;
        }
    }

    /// <summary>Publishes BeforeResourceStartedEvent; null when its subscribers succeeded, else why the resource must not start.</summary>
    public async Task<string?> BeforeResourceStartedFailureAsync(IResource resource)
    {
        try
        {
            await (Lifecycle?.BeforeResourceStartedAsync(resource, CancellationToken.None) ?? Task.CompletedTask);
            return null;
        }
        catch (DistributedApplicationException e)
        {
            return e.Message;
        }
    }

    /// <param name="http2">Asks with HTTP/2 prior knowledge, for a service that speaks nothing else (<c>AsHttp2Service</c>).</param>
    public static async Task<bool> ProbeHttpAsync(Uri url, int expectedStatus, bool http2, CancellationToken token)
    {
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, url);
            if (http2)
            {
                request.Version = HttpVersion.Version20;
                request.VersionPolicy = HttpVersionPolicy.RequestVersionExact;
            }
            using var response = await Http.SendAsync(request, token);
            return (int)response.StatusCode == expectedStatus;
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            return false; // not listening yet, or too slow: unhealthy for this round
        }
    }
}
