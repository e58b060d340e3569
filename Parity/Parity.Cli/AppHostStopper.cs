using System.Diagnostics;
using Parity.Hosting.Orchestration;

namespace Parity.Cli;

/// <summary>
/// <c>parity stop</c>: SIGTERM to the AppHost, which stops its resources in reverse dependency order and removes
/// run.json; SIGKILL when it takes too long (its children die with it, by their parent-death signal). With
/// <c>--persistent</c>, then the resources declared persistent, which outlive it.
/// </summary>
internal static class AppHostStopper
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(200);

    public static async Task<int> StopAsync(AppHostProject project, TimeSpan timeout, bool persistent)
    {
        var run = RunState.ReadLive(project.RunFile);
        if (run is null && !persistent)
        {
            throw ResourceServiceClient.NotRunning();
        }
        if (run is not null)
        {
            var killed = await StopProcessAsync(run.AppHostPid, project.RunFile, timeout);
            var names = string.Join(", ", run.Resources.Where(r => persistent || r.Lifetime != "Persistent").Select(r => r.Name));
            Console.WriteLine(killed
                ? $"The AppHost (pid {run.AppHostPid}) did not stop within {timeout.TotalSeconds:0} s and was killed, with its resources: {names}."
                : $"Stopped the AppHost (pid {run.AppHostPid}) and its resources: {names}.");
        }
        if (persistent)
        {
            var records = PersistentRecord.ReadAll(project.StateDirectory);
            foreach (var record in records)
            {
                await record.StopAsync(project.StateDirectory, PersistentRecord.StopGracePeriod);
            }
            Console.WriteLine(records.Count == 0
                ? "No persistent resource was running."
                : $"Stopped the persistent resources: {string.Join(", ", records.Select(r => $"{r.Resource} (pid {r.Process.Pid})"))}.");
        }
        return 0;
    }

    /// <summary>Stops one AppHost; true when it had to be killed.</summary>
    public static async Task<bool> StopProcessAsync(int pid, string runFile, TimeSpan timeout)
    {
        Posix.Signal(pid, Posix.SigTerm);
        var clock = Stopwatch.StartNew();
        while (Posix.IsAlive(pid) || File.Exists(runFile))
        {
            if (clock.Elapsed > timeout || (!Posix.IsAlive(pid) && File.Exists(runFile)))
            {
                // Too slow, or gone without cleaning up: nobody else will remove its run.json.
                var killed = Posix.IsAlive(pid) && Posix.Signal(pid, Posix.SigKill);
                while (Posix.IsAlive(pid))
                {
                    await Task.Delay(PollInterval);
                }
                File.Delete(runFile);
                return killed;
            }
            await Task.Delay(PollInterval);
        }
        return false;
    }
}
