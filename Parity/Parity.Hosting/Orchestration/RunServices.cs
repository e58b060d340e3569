namespace Parity.Hosting.Orchestration;

/// <summary>What every supervisor of one run shares.</summary>
internal sealed class RunServices(ResourceNotificationService notifications, ResourceLoggerService logs, DistributedApplicationOptions options)
{
    private static readonly HttpClient Http = new() { Timeout = TimeSpan.FromSeconds(2) };

    public ResourceNotificationService Notifications { get; } = notifications;

    public ResourceLoggerService Logs { get; } = logs;

    public DistributedApplicationOptions Options { get; } = options;

    /// <summary>A line from the engine about a resource, shown among that resource's console output.</summary>
    public void Log(string resource, string message, bool isError = false) =>
        Logs.Write(new LogLine(resource, 0, DateTimeOffset.UtcNow, $"[parity] {message}", isError));

    public static async Task<bool> ProbeHttpAsync(Uri url, int expectedStatus, CancellationToken token)
    {
        try
        {
            using var response = await Http.GetAsync(url, token);
            return (int)response.StatusCode == expectedStatus;
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            return false; // not listening yet, or too slow: unhealthy for this round
        }
    }
}
