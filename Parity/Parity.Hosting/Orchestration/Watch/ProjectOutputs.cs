using System.Collections.Concurrent;
using Parity.Hosting.ApplicationModel;

namespace Parity.Hosting.Orchestration;

/// <summary>The dll each project of one run starts from: its build output, until watch mode has built a newer one.</summary>
internal sealed class ProjectOutputs
{
    private readonly ConcurrentDictionary<string, string> _rebuilt = new(StringComparer.Ordinal);

    public Task<string> ResolveAsync(ProjectResource project) =>
        _rebuilt.TryGetValue(Path.GetFullPath(project.Metadata.ProjectPath), out var dll) ? Task.FromResult(dll) : ProjectOutputResolver.ResolveAsync(project);

    /// <summary>From now on, processes of the project start from <paramref name="dll"/>.</summary>
    public void Use(string projectPath, string dll) => _rebuilt[Path.GetFullPath(projectPath)] = dll;
}
