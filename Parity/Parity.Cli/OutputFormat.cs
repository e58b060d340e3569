using System.Globalization;
using System.Text;
using Parity.Hosting.Publishing;

namespace Parity.Cli;

/// <summary>How the CLI shows what it reads: tables for lists, indented blocks for one resource.</summary>
internal static class OutputFormat
{
    public const string SecretMask = "********";

    public static string ResourceTable(IEnumerable<RunResource> resources) => TextTable.Format(
        ["NAME", "KIND", "STATE", "LIFETIME", "RESTARTS", "URLS"],
        resources.Select(r => (IReadOnlyList<string>)[
            r.Name, r.Kind, r.State, r.LifetimeText, r.Restarts.ToString(CultureInfo.InvariantCulture), string.Join(' ', r.Urls.Where(u => u.IsShownInSummary).Select(u => u.Url))]));

    public static string MissingProgramTable(IEnumerable<MissingProgram> missing) => TextTable.Format(
        ["RESOURCE", "PROGRAM", "PACKAGE"],
        missing.Select(m => (IReadOnlyList<string>)[m.Resource, m.Program, m.Package ?? $"({m.Hint})"]));

    public static string ConsoleLine(ConsoleLineView line) =>
        line.Replica is { } replica ? $"[{line.Resource}#{replica}] {line.Text}" : line.Text;

    /// <summary>One resource: what it is, how it runs, and the environment its process got (secrets masked).</summary>
    public static string Describe(ResourceView resource)
    {
        var text = new StringBuilder();
        text.AppendLine(resource.Name);
        Field(text, "kind", resource.Kind);
        Field(text, "state", resource.ExitCode is { } code ? $"{resource.State} (exit code {code})" : resource.State);
        Field(text, "health", resource.Health ?? "-");
        Field(text, "started", resource.StartedAt?.ToString("u", CultureInfo.InvariantCulture) ?? "-");
        Field(text, "restarts", resource.Restarts.ToString(CultureInfo.InvariantCulture));
        Field(text, "lifetime", resource.Adopted ? $"{resource.Lifetime} (adopted)" : resource.Lifetime);
        if (resource.Parent is { } parent)
        {
            Field(text, "parent", parent);
        }
        Field(text, "urls", resource.Urls.Count == 0 ? "-" : string.Join(", ", resource.Urls));
        if (resource.Commands.Count > 0)
        {
            Field(text, "commands", string.Join(", ", resource.Commands.Select(c => c.State == "Enabled" ? c.Name : $"{c.Name} (disabled)")));
        }
        if (resource.Message is { Length: > 0 } message)
        {
            Field(text, "message", message);
        }
        if (resource.Replicas.Count > 0)
        {
            text.AppendLine("  replicas:");
            foreach (var replica in resource.Replicas)
            {
                var pid = replica.Pid?.ToString(CultureInfo.InvariantCulture) ?? "-";
                text.AppendLine($"    #{replica.Index}  pid {pid}  {replica.State}  {string.Join(' ', replica.Urls)}".TrimEnd());
            }
        }
        if (resource.Environment.Count > 0)
        {
            text.AppendLine("  environment:");
            foreach (var variable in resource.Environment.OrderBy(v => v.Name, StringComparer.Ordinal))
            {
                text.AppendLine(CultureInfo.InvariantCulture, $"    {variable.Name}={(variable.IsSecret ? SecretMask + " (secret)" : variable.Value)}");
            }
        }
        return text.ToString().TrimEnd();
    }

    private static void Field(StringBuilder text, string name, string value) =>
        text.AppendLine(CultureInfo.InvariantCulture, $"  {(name + ":").PadRight(10)}{value}");
}
