using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Parity.Hosting.ApplicationModel;

namespace Parity.Hosting.Orchestration;

/// <summary>
/// The per-resource commands, for tests, the dashboard and the CLI: the built-in stop / start / restart of a resource
/// that runs a process, and those the AppHost declares (WithCommand, WithHttpCommand), which run inside the AppHost.
/// </summary>
public sealed class ResourceCommandService
{
    public const string Stop = "resource-stop";
    public const string Start = "resource-start";
    public const string Restart = "resource-restart";

    private readonly Orchestrator _orchestrator;
    private readonly DistributedApplicationModel _model;
    private readonly ResourceLoggerService _logs;
    private readonly IServiceProvider _services;

    internal ResourceCommandService(Orchestrator orchestrator, DistributedApplicationModel model, ResourceLoggerService logs, IServiceProvider services)
    {
        _orchestrator = orchestrator;
        _model = model;
        _logs = logs;
        _services = services;
    }

    /// <summary>True when the resource has a process the commands control (a parameter or a database has none).</summary>
    public bool HasProcess(string resourceName) => _orchestrator.HasRunner(resourceName);

    /// <summary>
    /// Runs a command: a built-in one (<see cref="Stop"/>, <see cref="Start"/>, <see cref="Restart"/>) or one the AppHost
    /// declared. A declared command that is disabled or hidden for the resource's state now does not run.
    /// </summary>
    public async Task<ExecuteCommandResult> ExecuteCommandAsync(string resourceName, string commandName, CancellationToken cancellationToken = default)
    {
        if (commandName is Stop or Start or Restart)
        {
            var runner = _orchestrator.Runner(resourceName);
            await (commandName switch { Stop => runner.StopAsync(), Start => runner.StartAsync(), _ => runner.RestartAsync() });
            return CommandResults.Success();
        }
        var command = Declared(resourceName).FirstOrDefault(c => c.Name == commandName)
            ?? throw new ArgumentException($"Resource '{resourceName}' has no command '{commandName}'.", nameof(commandName));
        var state = StateOf(command, _services.GetRequiredService<ResourceNotificationService>().Get(resourceName));
        if (state != ResourceCommandState.Enabled)
        {
            return CommandResults.Failure($"'{command.DisplayName}' cannot run on '{resourceName}' now (it is {state.ToString().ToLowerInvariant()}).");
        }
        var logger = new ResourceConsoleLogger(_logs, resourceName);
        try
        {
            return await command.ExecuteCommand(new ExecuteCommandContext
            {
                ServiceProvider = _services,
                ResourceName = resourceName,
                CancellationToken = cancellationToken,
                Logger = logger,
            });
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The AppHost's own code failed: the user sees why, and the run goes on.
            logger.Log(Microsoft.Extensions.Logging.LogLevel.Error, default, $"command '{command.Name}' failed", e, (text, _) => text);
            return CommandResults.Failure(e);
        }
    }

    /// <summary>The commands a resource offers now: built-in ones when it runs a process, then its declared ones (not hidden).</summary>
    public IReadOnlyList<ResourceCommandSnapshot> CommandsOf(ResourceSnapshot snapshot)
    {
        var commands = new List<ResourceCommandSnapshot>();
        if (HasProcess(snapshot.Name))
        {
            commands.Add(BuiltIn(Stop, "Stop", snapshot.IsRunning || snapshot.State is ResourceState.Waiting));
            commands.Add(BuiltIn(Start, "Start", !snapshot.IsRunning));
            commands.Add(BuiltIn(Restart, "Restart", enabled: true));
        }
        foreach (var command in Declared(snapshot.Name))
        {
            var state = StateOf(command, snapshot);
            if (state != ResourceCommandState.Hidden)
            {
                commands.Add(new(command.Name, command.DisplayName, command.DisplayDescription, state, command.ConfirmationMessage, command.IconName, command.IsHighlighted));
            }
        }
        return commands;
    }

    public Task StopResourceAsync(string resourceName) => ExecuteCommandAsync(resourceName, Stop);

    public Task StartResourceAsync(string resourceName) => ExecuteCommandAsync(resourceName, Start);

    public Task RestartResourceAsync(string resourceName) => ExecuteCommandAsync(resourceName, Restart);

    private static ResourceCommandSnapshot BuiltIn(string name, string displayName, bool enabled) =>
        new(name, displayName, null, enabled ? ResourceCommandState.Enabled : ResourceCommandState.Disabled, null, null, false);

    private IEnumerable<ResourceCommandAnnotation> Declared(string resourceName) =>
        _model.Find(resourceName)?.AnnotationsOf<ResourceCommandAnnotation>() ?? [];

    /// <summary>The command's own callback decides; one that throws leaves its command disabled rather than breaking the list.</summary>
    private ResourceCommandState StateOf(ResourceCommandAnnotation command, ResourceSnapshot? snapshot)
    {
        if (snapshot is null)
        {
            return ResourceCommandState.Disabled;
        }
        try
        {
            return command.UpdateState(new UpdateCommandStateContext { ResourceSnapshot = Aspire(snapshot), ServiceProvider = _services });
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            return ResourceCommandState.Disabled;
        }
    }

    /// <summary>The snapshot in Aspire's terms: a health check's result is a health status, not a state.</summary>
    private static CustomResourceSnapshot Aspire(ResourceSnapshot snapshot) => new()
    {
        ResourceType = snapshot.Kind,
        State = snapshot.State is ResourceState.Healthy or ResourceState.Unhealthy ? nameof(ResourceState.Running) : snapshot.State.ToString(),
        HealthStatus = snapshot.State switch
        {
            ResourceState.Healthy => HealthStatus.Healthy,
            ResourceState.Unhealthy => HealthStatus.Unhealthy,
            ResourceState.Running => snapshot.HasHealthCheck ? HealthStatus.Unhealthy : HealthStatus.Healthy,
            _ => null,
        },
        ExitCode = snapshot.ExitCode,
        StartTimeStamp = snapshot.StartedAt?.UtcDateTime,
    };
}
