using Parity.Hosting.Orchestration;

namespace Parity.Hosting.Publishing;

/// <summary>
/// The AppHost's <c>stop --persistent</c> verb, for users without the parity CLI: stops every persistent resource
/// earlier runs left running, and removes what each kept beside its record. Refused while the AppHost itself runs:
/// it would start them again.
/// </summary>
internal static class StopPersistentCommand
{
    public static int Run(string stateDirectory)
    {
        if (RunStateFile.LiveAppHostPid(Path.Combine(stateDirectory, "run.json")) is { } pid)
        {
            Console.Error.WriteLine($"The AppHost is running (pid {pid}): stop it first (Ctrl+C, or parity stop --persistent).");
            return 1;
        }
        var records = PersistentRecord.ReadAll(stateDirectory);
        foreach (var record in records)
        {
            Console.WriteLine($"Stopping '{record.Resource}' (pid {record.Process.Pid}).");
            record.StopAsync(stateDirectory, PersistentRecord.StopGracePeriod).GetAwaiter().GetResult();
        }
        Console.WriteLine(records.Count == 0 ? "No persistent resource was running." : $"Stopped {records.Count} persistent resource(s).");
        return 0;
    }
}
