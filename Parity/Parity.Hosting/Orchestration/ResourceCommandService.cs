namespace Parity.Hosting.Orchestration;

/// <summary>The per-resource commands, for tests and the dashboard.</summary>
public sealed class ResourceCommandService
{
    public const string Stop = "resource-stop";
    public const string Start = "resource-start";
    public const string Restart = "resource-restart";

    private readonly Orchestrator _orchestrator;

    internal ResourceCommandService(Orchestrator orchestrator) => _orchestrator = orchestrator;

    /// <summary>True when the resource has a process the commands control (a parameter or a database has none).</summary>
    public bool HasProcess(string resourceName) => _orchestrator.HasRunner(resourceName);

    public Task ExecuteCommandAsync(string resourceName, string commandName)
    {
        var runner = _orchestrator.Runner(resourceName);
        return commandName switch
        {
            Stop => runner.StopAsync(),
            Start => runner.StartAsync(),
            Restart => runner.RestartAsync(),
            _ => throw new ArgumentException($"Unknown command '{commandName}': use {Stop}, {Start} or {Restart}.", nameof(commandName)),
        };
    }

    public Task StopResourceAsync(string resourceName) => ExecuteCommandAsync(resourceName, Stop);

    public Task StartResourceAsync(string resourceName) => ExecuteCommandAsync(resourceName, Start);

    public Task RestartResourceAsync(string resourceName) => ExecuteCommandAsync(resourceName, Restart);
}
