using Parity.Hosting.ApplicationModel;

namespace Parity.Hosting.Orchestration;

/// <summary>
/// A resource declared persistent: a process an earlier run left with the same configuration is adopted as it is (same
/// pid, ports and data); one whose configuration changed is replaced; one that died is started again. What it starts
/// outlives the AppHost and is recorded (<see cref="PersistentRecord"/>) for the next run and for <c>stop --persistent</c>.
/// </summary>
/// <param name="ownData">The data folder it has because it declares no data volume, if any: removed when it is stopped for good.</param>
internal sealed class PersistentLaunch(
    IResource resource,
    Func<PreparedLaunch> prepare,
    IReadOnlyDictionary<string, int> ports,
    Func<string?> ownData,
    string stateDirectory,
    TimeSpan stopGracePeriod) : IProcessLaunch
{
    public bool IsPersistent => true;

    public async Task<LaunchedProcess> LaunchAsync(Action<string, bool> onLine)
    {
        var prepared = prepare();
        var log = PersistentRecord.ConsoleLog(stateDirectory, resource.Name);
        var earlier = PersistentRecord.Read(stateDirectory, resource.Name);
        if (earlier is { IsAlive: true } && earlier.ConfigurationHash == prepared.ConfigurationHash.Value)
        {
            onLine($"[parity] adopted the running process {earlier.Process.Pid} (started {earlier.StartedAt:u}): its configuration is unchanged", false);
            var adopted = Follow(new PersistentProcess(earlier.Process, child: null), log, fromStart: false, onLine);
            var stopCommand = earlier.StopCommand is { Count: > 0 } command
                ? new ProcessSpec(command[0], [.. command.Skip(1)], stateDirectory, new Dictionary<string, string>())
                : null;
            return new LaunchedProcess(
                adopted, [.. earlier.Companions.Select(c => new PersistentProcess(c, child: null))], prepared.Environment, earlier.StopSignal, stopCommand, Adopted: true);
        }
        if (earlier is not null)
        {
            onLine(earlier.IsAlive
                ? $"[parity] its configuration changed: replacing the process {earlier.Process.Pid} an earlier run started"
                : $"[parity] the process {earlier.Process.Pid} an earlier run started has ended: starting it again", false);
            await earlier.StopAsync(stateDirectory, stopGracePeriod, deleteOwnData: false);
        }

        var (spec, environment) = await prepared.CreateSpecAsync();
        await LocalSetup.RunAsync(resource, onLine);
        OwnerOnly.CreateFile(log).Dispose();
        var companions = new List<PersistentProcess>();
        PersistentProcess process;
        try
        {
            foreach (var companion in spec.Companions)
            {
                companions.Add(await StartAsync(companion, log));
            }
            process = await StartAsync(spec, log);
        }
        catch
        {
            companions.ForEach(c => c.KillAll()); // nothing unrecorded may outlive the run
            throw;
        }
        new PersistentRecord(
            resource.Name, process.ProcessId, prepared.ConfigurationHash.Value, ports, spec.StopSignal,
            spec.StopCommand is { } stop ? [stop.FileName, .. stop.Args] : null,
            [.. companions.Select(c => c.ProcessId)], ownData(), DateTimeOffset.UtcNow).Write(stateDirectory);
        return new LaunchedProcess(Follow(process, log, fromStart: true, onLine), companions, environment, spec.StopSignal, spec.StopCommand);
    }

    public async Task ForgetAsync()
    {
        if (PersistentRecord.Read(stateDirectory, resource.Name) is { } record)
        {
            await record.StopAsync(stateDirectory, stopGracePeriod, deleteOwnData: false);
        }
    }

    private static async Task<PersistentProcess> StartAsync(ProcessSpec spec, string log)
    {
        var child = await ProcessStarter.StartPersistentAsync(spec, log);
        return new PersistentProcess(PersistentProcessId.Of(child.Id), child);
    }

    private static PersistentProcess Follow(PersistentProcess process, string log, bool fromStart, Action<string, bool> onLine)
    {
        process.FollowConsole(log, fromStart, onLine);
        return process;
    }
}
