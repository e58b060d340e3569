using System.CommandLine;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Parity.Hosting.Verbs;

namespace Parity.Hosting.Kubernetes;

/// <summary>
/// The AppHost's <c>ps --ephemeral [--context C] [--dry-run]</c> verb: the ephemeral environments in the cluster, from the
/// namespaces labelled <c>parity.dev/ephemeral=true</c>, with their age, expiry and whether they are past it.
/// </summary>
public static class EphemeralEnvironmentList
{
    public static AppHostVerb CreateVerb()
    {
        var ephemeral = new Option<bool>("--ephemeral") { Description = "The ephemeral environments in the cluster", Required = true };
        var kubeContext = EphemeralOptions.ContextOption();
        var dryRun = new Option<bool>("--dry-run") { Description = "Print the command; run nothing" };
        return new AppHostVerb("ps", "Lists the ephemeral environments (namespaces deploy --ephemeral made) in the cluster", context =>
        {
            var command = Command(context.ParseResult.GetValue(kubeContext));
            if (context.ParseResult.GetValue(dryRun))
            {
                Console.WriteLine(command);
                return 0;
            }
            return PreconditionFailedException.ExitCodeOf(() =>
            {
                DeployCommand.CheckContext(context.ParseResult.GetValue(kubeContext));
                var (exitCode, stdout, stderr) = command.RunCaptured();
                if (exitCode != 0)
                {
                    Console.Error.WriteLine($"{command} failed (exit code {exitCode}): {stderr.Trim()}");
                    return 1;
                }
                Console.Write(Table(Parse(stdout), DateTimeOffset.UtcNow));
                return 0;
            });
        })
        {
            ephemeral,
            kubeContext,
            dryRun,
        };
    }

    public static ExternalCommand Command(string? context) =>
        new("kubectl", [.. context is null ? [] : (string[])["--context", context], "get", "namespaces", "-l", EphemeralLabels.Selector, "-o", "json"]);

    /// <summary>The namespaces of <c>kubectl get namespaces -o json</c>'s list.</summary>
    public static IReadOnlyList<EphemeralEnvironment> Parse(string namespaceListJson)
    {
        using var document = JsonDocument.Parse(namespaceListJson);
        var environments = new List<EphemeralEnvironment>();
        foreach (var item in document.RootElement.GetProperty("items").EnumerateArray())
        {
            var metadata = item.GetProperty("metadata");
            var created = metadata.TryGetProperty("creationTimestamp", out var timestamp) && timestamp.ValueKind == JsonValueKind.String
                ? DateTimeOffset.Parse(timestamp.GetString()!, CultureInfo.InvariantCulture)
                : (DateTimeOffset?)null;
            var expires = metadata.TryGetProperty("labels", out var labels) && labels.TryGetProperty(EphemeralLabels.Expires, out var label)
                ? EphemeralLabels.ParseExpiry(label.GetString())
                : null;
            environments.Add(new EphemeralEnvironment(metadata.GetProperty("name").GetString()!, created, expires));
        }
        return environments;
    }

    /// <summary>NAME, AGE, EXPIRES (UTC) and EXPIRED columns, as <c>kubectl get</c> prints its tables.</summary>
    public static string Table(IReadOnlyList<EphemeralEnvironment> environments, DateTimeOffset now)
    {
        if (environments.Count == 0)
        {
            return "No ephemeral environments.\n";
        }
        string[][] rows =
        [
            ["NAME", "AGE", "EXPIRES", "EXPIRED"],
            .. environments.OrderBy(e => e.Namespace, StringComparer.Ordinal).Select(e => new[]
            {
                e.Namespace,
                e.Created is { } created ? Age(now - created) : "?",
                e.Expires is { } expires ? expires.UtcDateTime.ToString("yyyy-MM-dd HH:mm'Z'", CultureInfo.InvariantCulture) : "?",
                e.Expires is null ? "?" : e.IsExpired(now) ? "yes" : "no",
            }),
        ];
        var widths = Enumerable.Range(0, 4).Select(i => rows.Max(r => r[i].Length)).ToArray();
        var text = new StringBuilder();
        foreach (var row in rows)
        {
            text.AppendLine(string.Join("   ", row.Select((cell, i) => i == row.Length - 1 ? cell : cell.PadRight(widths[i]))));
        }
        return text.ToString();
    }

    /// <summary>As kubectl writes ages: the two largest units (<c>3d4h</c>, <c>5h12m</c>, <c>42s</c>).</summary>
    public static string Age(TimeSpan age) => age switch
    {
        { TotalDays: >= 1 } => $"{(int)age.TotalDays}d{age.Hours}h",
        { TotalHours: >= 1 } => $"{age.Hours}h{age.Minutes}m",
        { TotalMinutes: >= 1 } => $"{age.Minutes}m{age.Seconds}s",
        _ => $"{Math.Max(0, (int)age.TotalSeconds)}s",
    };
}

/// <summary>An ephemeral environment as its namespace describes it.</summary>
public sealed record EphemeralEnvironment(string Namespace, DateTimeOffset? Created, DateTimeOffset? Expires)
{
    public bool IsExpired(DateTimeOffset now) => Expires is { } expires && expires <= now;
}
