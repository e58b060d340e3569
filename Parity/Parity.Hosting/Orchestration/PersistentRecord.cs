using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Parity.Hosting.Orchestration;

/// <summary>
/// A resource declared persistent (<c>WithLifetime(ContainerLifetime.Persistent)</c>) that runs outside the AppHost's
/// process tree: <c>&lt;state&gt;/persistent/&lt;name&gt;.json</c> says which process it is (pid and kernel start time,
/// so a reused pid is not mistaken for it), the ports it listens on, and the hash of the configuration it was started
/// with. The next run adopts it when that hash is unchanged. Read and stopped by the AppHost and by the parity CLI
/// (this file is compiled into both), so the record's shape is a contract.
/// </summary>
/// <param name="Ports">The local port of each of its endpoints, by endpoint name.</param>
/// <param name="StopCommand">Run instead of signalling, when the process only relays for what does the work (a container's client).</param>
/// <param name="Companions">Processes started before it and stopped after it (RabbitMQ's epmd).</param>
/// <param name="OwnData">The data folder it got because it had no data volume: deleted when it is stopped for good.</param>
internal sealed record PersistentRecord(
    string Resource,
    PersistentProcessId Process,
    string ConfigurationHash,
    IReadOnlyDictionary<string, int> Ports,
    int StopSignal,
    IReadOnlyList<string>? StopCommand,
    IReadOnlyList<PersistentProcessId> Companions,
    string? OwnData,
    DateTimeOffset StartedAt)
{
    /// <summary>How long <c>stop --persistent</c> gives each to stop gracefully before it is killed.</summary>
    public static readonly TimeSpan StopGracePeriod = TimeSpan.FromSeconds(10);

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public static string Folder(string stateDirectory) => Path.Combine(stateDirectory, "persistent");

    /// <summary>Where the process's console output goes: it outlives the AppHost, so it cannot write to a pipe the AppHost reads.</summary>
    public static string ConsoleLog(string stateDirectory, string resource) => Path.Combine(Folder(stateDirectory), resource + ".log");

    /// <summary>The data folder of one without a data volume (beside its record, unless it runs as a user who cannot reach the state folder).</summary>
    public static string OwnDataFolder(string stateDirectory, string resource) => Path.Combine(Folder(stateDirectory), resource + ".data");

    [JsonIgnore]
    public bool IsAlive => Process.IsAlive;

    public static PersistentRecord? Read(string stateDirectory, string resource) => ReadFile(FileOf(stateDirectory, resource));

    public static IReadOnlyList<PersistentRecord> ReadAll(string stateDirectory) =>
        Directory.Exists(Folder(stateDirectory))
            ? [.. Directory.EnumerateFiles(Folder(stateDirectory), "*.json").Select(ReadFile).OfType<PersistentRecord>().OrderBy(r => r.Resource)]
            : [];

    public void Write(string stateDirectory) => OwnerOnly.Replace(FileOf(stateDirectory, Resource), file => JsonSerializer.Serialize(file, this, Json));

    /// <summary>
    /// Stops it for good: its stop command or graceful signal, then SIGKILL to its whole session once
    /// <paramref name="grace"/> is over; then its companions; then the record, its console log and its own data.
    /// </summary>
    public async Task StopAsync(string stateDirectory, TimeSpan grace, bool deleteOwnData = true)
    {
        if (IsAlive)
        {
            if (StopCommand is { Count: > 0 })
            {
                using var stop = System.Diagnostics.Process.Start(StopCommand[0], StopCommand.Skip(1));
                using var deadline = new CancellationTokenSource(grace * 2);
                await stop.WaitForExitAsync(deadline.Token).ContinueWith(_ => { }, TaskScheduler.Default);
            }
            else
            {
                Process.Signal(StopSignal);
            }
        }
        await Process.EndAsync(grace);
        foreach (var companion in Companions)
        {
            companion.Signal(15);
            await companion.EndAsync(grace);
        }
        File.Delete(FileOf(stateDirectory, Resource));
        File.Delete(ConsoleLog(stateDirectory, Resource));
        if (deleteOwnData && OwnData is not null && Directory.Exists(OwnData))
        {
            Directory.Delete(OwnData, recursive: true);
        }
    }

    private static string FileOf(string stateDirectory, string resource) => Path.Combine(Folder(stateDirectory), resource + ".json");

    private static PersistentRecord? ReadFile(string path)
    {
        try
        {
            return JsonSerializer.Deserialize<PersistentRecord>(File.ReadAllText(path), Json);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException or JsonException)
        {
            return null; // gone, or a file cut short by a killed AppHost: nothing to adopt
        }
    }
}

/// <summary>A process by pid and kernel start time (in clock ticks after boot): a pid the kernel reused is another process.</summary>
internal sealed partial record PersistentProcessId(int Pid, long StartTime)
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(100);

    public static PersistentProcessId Of(int pid) => new(pid, StartTimeOf(pid) ?? 0);

    /// <summary>True while the same process exists and is not a zombie.</summary>
    [JsonIgnore]
    public bool IsAlive => StartTimeOf(Pid) == StartTime;

    public void Signal(int signal)
    {
        if (IsAlive)
        {
            _ = Kill(Pid, signal);
        }
    }

    /// <summary>Waits up to <paramref name="grace"/> for it to exit; then kills its session (it leads one) and waits for that.</summary>
    public async Task EndAsync(TimeSpan grace)
    {
        var clock = Stopwatch.StartNew();
        while (IsAlive && clock.Elapsed < grace)
        {
            await Task.Delay(PollInterval);
        }
        if (IsAlive)
        {
            _ = Kill(-Pid, 9);
            _ = Kill(Pid, 9);
        }
        while (IsAlive)
        {
            await Task.Delay(PollInterval);
        }
    }

    /// <summary>Field 22 of /proc/PID/stat, or null when there is no such live process.</summary>
    private static long? StartTimeOf(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            return fields[0] == "Z" ? null : long.Parse(fields[19], CultureInfo.InvariantCulture);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException or IOException)
        {
            return null;
        }
    }

    [LibraryImport("libc", EntryPoint = "kill")]
    private static partial int Kill(int pid, int signal);
}
