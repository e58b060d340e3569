namespace Parity.Hosting;

/// <summary>Finds a command the way a shell would: a path as given, or the first match on PATH.</summary>
public static class ExecutableLocator
{
    /// <param name="workingDirectory">Where a relative path such as <c>./run.sh</c> starts.</param>
    public static string? Find(string command, string? workingDirectory = null)
    {
        if (command.Contains('/'))
        {
            var path = Path.GetFullPath(command, workingDirectory ?? Directory.GetCurrentDirectory());
            return File.Exists(path) ? path : null;
        }
        var searchPath = Environment.GetEnvironmentVariable("PATH") ?? "";
        return searchPath.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(dir => Path.Combine(dir, command))
            .FirstOrDefault(File.Exists);
    }
}
