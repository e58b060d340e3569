using Parity.Hosting.ApplicationModel;

namespace Parity.Hosting.Orchestration;

/// <summary>How a supervisor's process comes to run: as the AppHost's child (<see cref="SessionLaunch"/>), or outliving it (<see cref="PersistentLaunch"/>).</summary>
internal interface IProcessLaunch
{
    bool IsPersistent { get; }

    Task<LaunchedProcess> LaunchAsync(Action<string, bool> onLine);

    /// <summary>The process was stopped on purpose (a stop command), not by the end of the run: nothing is left to adopt.</summary>
    Task ForgetAsync();
}

/// <summary>A process that runs, what it runs beside, the environment shown for it, and how it is asked to stop.</summary>
internal sealed record LaunchedProcess(
    IRunningProcess Process,
    IReadOnlyList<IRunningProcess> Companions,
    IReadOnlyList<EnvironmentVariableSnapshot> Environment,
    int StopSignal,
    ProcessSpec? StopCommand,
    bool Adopted = false);

/// <summary>
/// A resource's launch, rendered for this machine, before anything is prepared on disk: the hash of its configuration
/// (what decides whether a persistent process can be adopted; computed only when asked), the environment as shown, and
/// the step that makes its process spec (a launcher's files, a container's leftover removed).
/// </summary>
internal sealed record PreparedLaunch(
    Lazy<string> ConfigurationHash,
    IReadOnlyList<EnvironmentVariableSnapshot> Environment,
    Func<Task<(ProcessSpec Spec, IReadOnlyList<EnvironmentVariableSnapshot> Environment)>> CreateSpecAsync);

/// <summary>The default lifetime: the process and its companions are children of the AppHost and die with it, however it dies.</summary>
internal sealed class SessionLaunch(IResource resource, Func<PreparedLaunch> prepare) : IProcessLaunch
{
    public bool IsPersistent => false;

    public async Task<LaunchedProcess> LaunchAsync(Action<string, bool> onLine)
    {
        var (spec, environment) = await prepare().CreateSpecAsync();
        await LocalSetup.RunAsync(resource, onLine);
        var companions = new List<IRunningProcess>();
        try
        {
            foreach (var companion in spec.Companions)
            {
                companions.Add(new ChildProcess(await ProcessStarter.StartAsync(companion, onLine)));
            }
            var process = new ChildProcess(await ProcessStarter.StartAsync(spec, onLine));
            return new LaunchedProcess(process, companions, environment, spec.StopSignal, spec.StopCommand);
        }
        catch
        {
            companions.ForEach(c => c.KillAll());
            throw;
        }
    }

    public Task ForgetAsync() => Task.CompletedTask;
}
