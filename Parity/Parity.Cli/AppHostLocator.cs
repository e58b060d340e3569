using System.Xml.Linq;

namespace Parity.Cli;

/// <summary>
/// Finds the AppHost: an executable project that references Parity.Hosting (by ProjectReference or PackageReference), in
/// the given folder, or else in its subfolders up to two levels down. An explicit path overrides the search. A library
/// that references Parity.Hosting (an integration, the testing builder) is not an AppHost.
/// </summary>
internal static class AppHostLocator
{
    private const int MaxDepth = 2;
    private const string HostingPackage = "Parity.Hosting";

    private static readonly HashSet<string> SkippedFolders = new(StringComparer.OrdinalIgnoreCase) { "bin", "obj", "node_modules" };

    /// <param name="explicitPath">A .csproj file or a folder holding one (the --project option), or null to search.</param>
    public static string Find(string currentDirectory, string? explicitPath)
    {
        if (explicitPath is not null)
        {
            return FromExplicitPath(Path.GetFullPath(explicitPath, currentDirectory));
        }
        var here = AppHostsIn(currentDirectory);
        if (here.Count == 0)
        {
            here = [.. Subfolders(currentDirectory, MaxDepth).SelectMany(AppHostsIn)];
        }
        return here.Count switch
        {
            1 => here[0],
            0 => throw new CliException(
                $"No AppHost project (an executable .csproj that references {HostingPackage}) in {currentDirectory} or its subfolders up to {MaxDepth} levels down. Pass --project PATH."),
            _ => throw new CliException(
                $"Several AppHost projects were found; choose one with --project PATH:{Environment.NewLine}{string.Join(Environment.NewLine, here.Select(p => "  " + Path.GetRelativePath(currentDirectory, p)))}"),
        };
    }

    /// <summary>Whether a project file is an executable that references Parity.Hosting.</summary>
    public static bool IsAppHost(string projectFile)
    {
        XDocument document;
        try
        {
            document = XDocument.Load(projectFile);
        }
        catch (System.Xml.XmlException)
        {
            return false; // not a project MSBuild could load either
        }
        var isExecutable = document.Descendants().Any(e =>
            e.Name.LocalName == "OutputType" && e.Value.Trim() is var type
            && (type.Equals("Exe", StringComparison.OrdinalIgnoreCase) || type.Equals("WinExe", StringComparison.OrdinalIgnoreCase)));
        return isExecutable && document.Descendants().Any(e =>
            (e.Name.LocalName == "ProjectReference" && Path.GetFileNameWithoutExtension(Normalize(e.Attribute("Include")?.Value)) is var name
                && string.Equals(name, HostingPackage, StringComparison.OrdinalIgnoreCase))
            || (e.Name.LocalName == "PackageReference"
                && string.Equals(e.Attribute("Include")?.Value, HostingPackage, StringComparison.OrdinalIgnoreCase)));
    }

    private static string FromExplicitPath(string path)
    {
        if (File.Exists(path))
        {
            return path;
        }
        if (!Directory.Exists(path))
        {
            throw new CliException($"--project: no such file or folder: {path}");
        }
        var projects = Directory.GetFiles(path, "*.csproj");
        return projects.Length == 1
            ? projects[0]
            : throw new CliException(projects.Length == 0
                ? $"--project: no .csproj in {path}"
                : $"--project: several projects in {path}; name the .csproj:{Environment.NewLine}{string.Join(Environment.NewLine, projects.Select(p => "  " + Path.GetFileName(p)))}");
    }

    private static List<string> AppHostsIn(string directory) =>
        [.. Directory.EnumerateFiles(directory, "*.csproj").Where(IsAppHost).Order(StringComparer.Ordinal)];

    private static IEnumerable<string> Subfolders(string directory, int depth)
    {
        if (depth == 0)
        {
            yield break;
        }
        var children = Directory.EnumerateDirectories(directory)
            .Where(d => !Path.GetFileName(d).StartsWith('.') && !SkippedFolders.Contains(Path.GetFileName(d)))
            .Order(StringComparer.Ordinal)
            .ToList();
        foreach (var child in children)
        {
            yield return child;
        }
        foreach (var grandchild in children.SelectMany(child => Subfolders(child, depth - 1)))
        {
            yield return grandchild;
        }
    }

    private static string Normalize(string? include) => (include ?? "").Replace('\\', '/');
}
