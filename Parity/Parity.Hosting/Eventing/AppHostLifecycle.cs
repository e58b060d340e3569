using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using Parity.Hosting.ApplicationModel;
using Parity.Hosting.Lifecycle;
using Parity.Hosting.Orchestration;

namespace Parity.Hosting.Eventing;

/// <summary>
/// Publishes the AppHost's events at their moments: <see cref="BeforeStartEvent"/> once, before a run or a verb; in a
/// run, <see cref="AfterResourcesCreatedEvent"/>, <see cref="BeforeResourceStartedEvent"/> before each start, and, read
/// from the resources' states, <see cref="ConnectionStringAvailableEvent"/> and <see cref="ResourceReadyEvent"/> once each.
/// </summary>
internal sealed class AppHostLifecycle(
    IServiceProvider services,
    DistributedApplicationModel model,
    DistributedApplicationExecutionContext executionContext,
    IDistributedApplicationEventing eventing,
    ResourceLoggerService logs)
{
    private readonly SemaphoreSlim _beforeStart = new(1, 1);
    private readonly ConcurrentDictionary<string, TaskCompletionSource> _readyHandled = new(StringComparer.OrdinalIgnoreCase);
    private readonly ConcurrentDictionary<string, Task> _connectionStringAnnounced = new(StringComparer.OrdinalIgnoreCase);
    private readonly ConcurrentDictionary<string, bool> _readyPublished = new(StringComparer.OrdinalIgnoreCase);
    private bool _started;

    /// <summary>The registered subscribers subscribe, then <see cref="BeforeStartEvent"/>: once, however often it is asked.</summary>
    public async Task BeforeStartAsync(CancellationToken cancellationToken)
    {
        await _beforeStart.WaitAsync(cancellationToken);
        try
        {
            if (_started)
            {
                return;
            }
            _started = true;
            foreach (var subscriber in services.GetServices<IDistributedApplicationEventingSubscriber>())
            {
                await subscriber.SubscribeAsync(eventing, executionContext, cancellationToken);
            }
            await eventing.PublishAsync(new BeforeStartEvent(services, model), cancellationToken);
        }
        finally
        {
            _beforeStart.Release();
        }
    }

    public Task AfterResourcesCreatedAsync(CancellationToken cancellationToken) =>
        eventing.PublishAsync(new AfterResourcesCreatedEvent(services, model), cancellationToken);

    /// <summary>A subscriber's failure fails the start, with the subscriber's message.</summary>
    public async Task BeforeResourceStartedAsync(IResource resource, CancellationToken cancellationToken)
    {
        try
        {
            await eventing.PublishAsync(new BeforeResourceStartedEvent(resource, services), cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException and not DistributedApplicationException)
        {
            throw new DistributedApplicationException($"a BeforeResourceStartedEvent subscriber of '{resource.Name}' failed: {e.Message}");
        }
    }

    /// <summary>Completes once the resource's <see cref="ResourceReadyEvent"/> subscribers are done; fails when one of them failed.</summary>
    public Task WhenReadyHandledAsync(IResource resource, CancellationToken cancellationToken) =>
        ReadyHandled(resource.Name).Task.WaitAsync(cancellationToken);

    /// <summary>Watches the resources' states until the run stops, publishing each resource's one-time events.</summary>
    public async Task PublishResourceEventsAsync(ResourceNotificationService notifications, CancellationToken stopping)
    {
        try
        {
            await foreach (var snapshot in notifications.WatchAsync(stopping))
            {
                if (model.Find(snapshot.Name) is not { } resource)
                {
                    continue;
                }
                if (resource is IResourceWithConnectionString && (snapshot.IsRunning || snapshot.IsReady))
                {
                    _ = _connectionStringAnnounced.GetOrAdd(resource.Name, _ => AnnounceConnectionStringAsync(resource, stopping));
                }
                if (snapshot.IsReady && _readyPublished.TryAdd(resource.Name, true))
                {
                    _ = PublishReadyAsync(resource, stopping);
                }
            }
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            // the run is over
        }
    }

    private async Task AnnounceConnectionStringAsync(IResource resource, CancellationToken stopping)
    {
        await Task.Yield(); // subscribers run beside the watch, not inside it
        try
        {
            await eventing.PublishAsync(new ConnectionStringAvailableEvent(resource, services), stopping);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            Log(resource, $"a ConnectionStringAvailableEvent subscriber failed: {e.Message}");
        }
    }

    private async Task PublishReadyAsync(IResource resource, CancellationToken stopping)
    {
        var handled = ReadyHandled(resource.Name);
        try
        {
            if (_connectionStringAnnounced.TryGetValue(resource.Name, out var announced))
            {
                await announced; // a connection string is available before its resource is ready
            }
            await eventing.PublishAsync(new ResourceReadyEvent(resource, services), stopping);
            handled.TrySetResult();
        }
        catch (OperationCanceledException e)
        {
            handled.TrySetCanceled(e.CancellationToken);
        }
        catch (Exception e)
        {
            Log(resource, $"a ResourceReadyEvent subscriber failed: {e.Message}");
            handled.TrySetException(new DistributedApplicationException($"a ResourceReadyEvent subscriber of '{resource.Name}' failed: {e.Message}"));
        }
    }

    private TaskCompletionSource ReadyHandled(string name) =>
        _readyHandled.GetOrAdd(name, _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));

    private void Log(IResource resource, string message) =>
        logs.Write(new LogLine(resource.Name, null, DateTimeOffset.UtcNow, $"[parity] {message}", IsError: true));
}
