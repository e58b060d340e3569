using System.Xml.Linq;

namespace Parity.Hosting.Orchestration;

/// <summary>Where a project's sources are: its folder and those of the projects it references, transitively.</summary>
internal static class ProjectSources
{
    private static readonly string[] SourceExtensions = [".cs", ".csproj", ".props", ".targets", ".json", ".razor", ".cshtml", ".resx", ".proto"];
    private static readonly string[] IgnoredFolders = ["bin", "obj", "node_modules"];

    /// <summary>The project's own folder first, then those of the projects it references.</summary>
    public static IReadOnlyList<string> FoldersOf(string projectPath)
    {
        var projects = new HashSet<string>(StringComparer.Ordinal);
        var pending = new Stack<string>([Path.GetFullPath(projectPath)]);
        while (pending.TryPop(out var project))
        {
            if (!projects.Add(project) || !File.Exists(project))
            {
                continue;
            }
            var folder = Path.GetDirectoryName(project)!;
            foreach (var reference in XDocument.Load(project).Descendants().Where(e => e.Name.LocalName == "ProjectReference"))
            {
                if (reference.Attribute("Include")?.Value is { } include && !include.Contains("$(", StringComparison.Ordinal))
                {
                    pending.Push(Path.GetFullPath(include.Replace('\\', '/'), folder));
                }
            }
        }
        return [.. projects.Select(p => Path.GetDirectoryName(p)! + Path.DirectorySeparatorChar).Distinct()];
    }

    /// <summary>The folder of the project a file belongs to: the innermost of <paramref name="folders"/> that holds it.</summary>
    public static string? OwnerOf(string path, IEnumerable<string> folders) =>
        folders.Where(f => path.StartsWith(f, StringComparison.Ordinal)).MaxBy(f => f.Length);

    /// <summary>A source file (not build output, not an editor's or a package manager's file) somewhere in <paramref name="folders"/>.</summary>
    public static bool IsSourceIn(string path, IEnumerable<string> folders) =>
        SourceExtensions.Contains(Path.GetExtension(path), StringComparer.OrdinalIgnoreCase)
        && folders.FirstOrDefault(f => path.StartsWith(f, StringComparison.Ordinal)) is { } folder
        && !path[folder.Length..].Split(Path.DirectorySeparatorChar).SkipLast(1).Any(segment => IgnoredFolders.Contains(segment) || segment.StartsWith('.'));
}
