using System.Text.Json;
using System.Text.Json.Serialization;

namespace Parity.Hosting.Orchestration;

/// <summary>
/// Keeps <c>.parity/run.json</c> current while the AppHost runs (scripts and tests read it) and removes it on a clean
/// stop. Its shape is a contract: appHostPid, startedAt, dashboard, resourceService, resources[name, kind, state, ready, restarts,
/// waitsForExplicitStart, parent, lifetime, adopted, urls[url, displayText, endpoint, displayOrder, displayLocation], replicas]. It holds the resource service's key, so only its owner may read it.
/// </summary>
internal sealed class RunStateFile(
    string path, ResourceNotificationService notifications, IEnumerable<string> resourceNames, DashboardLink? dashboard, ResourceServiceLink? resourceService)
{
    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        WriteIndented = true,
        Converters = { new JsonStringEnumConverter() },
    };

    private readonly HashSet<string> _names = new(resourceNames, StringComparer.OrdinalIgnoreCase);
    private readonly DateTimeOffset _startedAt = DateTimeOffset.UtcNow;

    public async Task KeepWrittenAsync(CancellationToken stopping)
    {
        Write();
        try
        {
            await foreach (var snapshot in notifications.WatchAsync(stopping))
            {
                if (_names.Contains(snapshot.Name))
                {
                    Write();
                }
            }
        }
        catch (OperationCanceledException)
        {
            // the run is stopping: Remove() follows
        }
    }

    public void Remove() => File.Delete(path);

    /// <summary>The pid of the AppHost that keeps <paramref name="runFile"/> written, while it runs; null when none does.</summary>
    public static int? LiveAppHostPid(string runFile)
    {
        try
        {
            using var document = JsonDocument.Parse(File.ReadAllText(runFile));
            var pid = document.RootElement.GetProperty("appHostPid").GetInt32();
            return PersistentProcessId.Of(pid).IsAlive ? pid : null;
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException or JsonException or KeyNotFoundException)
        {
            return null;
        }
    }

    private void Write()
    {
        var resources = notifications.Current.Where(s => _names.Contains(s.Name)).OrderBy(s => s.Name).Select(s => new
        {
            s.Name,
            s.Kind,
            s.State,
            // Up: serving (its health check passes, when it has one), or done with its one-off work.
            Ready = s.IsReady || s.State == ResourceState.Finished,
            s.Restarts,
            s.WaitsForExplicitStart,
            s.Parent,
            s.Lifetime,
            s.Adopted,
            Urls = (s.UrlDetails ?? []).Select(u => new { u.Url, u.DisplayText, u.Endpoint, u.DisplayOrder, u.DisplayLocation }),
            Replicas = (s.Replicas ?? []).Select(r => new { r.Pid, r.State, r.Urls }),
        });
        var document = new { AppHostPid = Environment.ProcessId, StartedAt = _startedAt, Dashboard = dashboard, ResourceService = resourceService, Resources = resources };
        OwnerOnly.Replace(path, file => JsonSerializer.Serialize(file, document, Json));
    }
}

/// <summary>Where the dashboard is, and the URL that signs a browser in.</summary>
internal sealed record DashboardLink(string Url, string LoginUrl);

/// <summary>Where the resource service listens, and the key the CLI presents to it.</summary>
internal sealed record ResourceServiceLink(string Url, string ApiKey);
