using System.Diagnostics;
using Parity.Hosting.Publishing;

namespace Parity.Hosting.Orchestration;

/// <summary>Prints every resource's output prefixed by its name (in colour on a terminal), and a table once all are up.</summary>
internal static class ConsoleReporter
{
    private static readonly int[] AnsiColours = [96, 92, 93, 95, 94, 36, 33]; // bright cyan, green, yellow, magenta, blue; cyan, yellow

    private static bool UseColour => !Console.IsOutputRedirected && Environment.GetEnvironmentVariable("NO_COLOR") is null;

    public static async Task EchoAsync(ResourceLoggerService logs, CancellationToken stopping)
    {
        var colours = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        try
        {
            await foreach (var line in logs.WatchAsync(cancellationToken: stopping))
            {
                if (!colours.TryGetValue(line.Resource, out var colour))
                {
                    colours[line.Resource] = colour = AnsiColours[colours.Count % AnsiColours.Length];
                }
                var prefix = line.Replica is { } replica ? $"[{line.Resource}#{replica}] " : $"[{line.Resource}] ";
                Console.Out.WriteLine(UseColour ? $"\u001b[{colour}m{prefix}\u001b[0m{line.Text}" : prefix + line.Text);
            }
        }
        catch (OperationCanceledException)
        {
            // the run is stopping
        }
    }

    /// <summary>Once every resource is ready, finished or failed: a table of states, URLs and the time it took.</summary>
    public static async Task PrintSummaryWhenUpAsync(ResourceNotificationService notifications, IReadOnlyList<string> names, Stopwatch clock, CancellationToken stopping)
    {
        var upAfter = new Dictionary<string, TimeSpan>(StringComparer.OrdinalIgnoreCase);
        var latest = new Dictionary<string, ResourceSnapshot>(StringComparer.OrdinalIgnoreCase);
        try
        {
            await foreach (var snapshot in notifications.WatchAsync(stopping))
            {
                if (!names.Contains(snapshot.Name, StringComparer.OrdinalIgnoreCase))
                {
                    continue;
                }
                latest[snapshot.Name] = snapshot;
                if (snapshot.IsSettled)
                {
                    upAfter.TryAdd(snapshot.Name, clock.Elapsed);
                }
                if (upAfter.Count == names.Count)
                {
                    Console.Out.WriteLine(FormatTable(names.Select(n => latest[n] with { Message = UpAfter(latest[n], upAfter[n]) }), clock.Elapsed));
                    return;
                }
            }
        }
        catch (OperationCanceledException)
        {
            // stopped before everything came up
        }
    }

    private static string UpAfter(ResourceSnapshot snapshot, TimeSpan after) =>
        snapshot.WaitsForExplicitStart && !snapshot.IsReady ? "on start"
        : snapshot.Adopted ? $"{after.TotalSeconds:0.00}s (adopted)"
        : $"{after.TotalSeconds:0.00}s";

    /// <summary>The URLs meant for a summary (not those shown only in a resource's details).</summary>
    internal static string FormatTable(IEnumerable<ResourceSnapshot> snapshots, TimeSpan total)
    {
        var table = TextTable.Format(["RESOURCE", "STATE", "URLS", "UP AFTER"], snapshots.Select(s => new[]
        {
            s.Name, s.State.ToString(), string.Join(" ", (s.UrlDetails ?? []).Where(u => u.IsShownInSummary).Select(u => u.Url)), s.Message ?? "",
        }));
        return $"{Environment.NewLine}{table}{Environment.NewLine}All resources up in {total.TotalSeconds:0.00}s. Press Ctrl+C to stop.";
    }
}
