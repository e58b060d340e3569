using System.Text.Json;

namespace Parity.Cli;

/// <summary>The AppHost's run.json (its contract with scripts and this CLI), as far as the CLI reads it.</summary>
internal sealed record RunState(
    int AppHostPid,
    DateTimeOffset StartedAt,
    DashboardInfo? Dashboard,
    ResourceServiceInfo? ResourceService,
    IReadOnlyList<RunResource> Resources)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public const string FailedToStart = "FailedToStart";

    /// <summary>The run.json in a state folder, or null when there is none (or it is being replaced right now).</summary>
    public static RunState? Read(string runFile)
    {
        try
        {
            return JsonSerializer.Deserialize<RunState>(File.ReadAllText(runFile), Json);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            return null;
        }
    }

    /// <summary>The run.json of an AppHost that still runs; a file left by a killed AppHost does not count.</summary>
    public static RunState? ReadLive(string runFile) =>
        Read(runFile) is { } state && Posix.IsAlive(state.AppHostPid) ? state : null;

    /// <summary>Every resource is up, or held until someone starts it (WithExplicitStart, or waiting for such a one).</summary>
    public bool AllUp => Resources.All(r => r.Ready || r.WaitsForExplicitStart);
}

internal sealed record DashboardInfo(string? Url, string? LoginUrl);

internal sealed record ResourceServiceInfo(string Url, string ApiKey);

/// <param name="Ready">Up: serving (its health check passes, when it has one), or done with its one-off work.</param>
internal sealed record RunResource(
    string Name, string Kind, string State, bool Ready, int Restarts, IReadOnlyList<UrlView> Urls, IReadOnlyList<RunReplica> Replicas,
    bool WaitsForExplicitStart = false, string? Parent = null, string Lifetime = "Session", bool Adopted = false)
{
    /// <summary>Session, Persistent, or Persistent (adopted) when this run found it running and adopted it.</summary>
    public string LifetimeText => Adopted ? $"{Lifetime} (adopted)" : Lifetime;
}

internal sealed record RunReplica(int? Pid, string State, IReadOnlyList<string> Urls);
