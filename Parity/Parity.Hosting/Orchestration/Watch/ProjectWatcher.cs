using System.Diagnostics;
using System.Globalization;
using System.Threading.Channels;
using Parity.Hosting.ApplicationModel;

namespace Parity.Hosting.Orchestration;

/// <summary>
/// Watch mode: watches the sources of every project resource (see <see cref="ProjectSources"/>). Once changes have
/// settled, each changed project is built into a fresh folder while its processes keep serving; then its run-once
/// resources run again, and only when they succeed are its long-running ones swapped, one process at a time (see
/// <see cref="ReplicaSet"/>). A failed build changes nothing: the errors go to the resources' consoles. Nothing else
/// restarts.
/// </summary>
internal sealed class ProjectWatcher(
    DistributedApplicationModel model, IReadOnlyDictionary<string, IResourceRunner> runners, RunServices run, string stateDirectory)
{
    private static readonly TimeSpan Settle = TimeSpan.FromMilliseconds(250);
    private readonly Channel<string> _changes = Channel.CreateUnbounded<string>();
    private CompilerServer? _compiler;
    private int _builds;

    /// <summary>Where builds go: owner-only, as all of the state folder is (a build output may hold a service's settings).</summary>
    private string WatchFolder { get; } = Path.Combine(stateDirectory, "watch");

    /// <summary>The watched projects, by project file, with their source folders and the resources that run them.</summary>
    private readonly IReadOnlyList<(string Project, IReadOnlyList<string> Folders, IReadOnlyList<ProjectResource> Resources)> _projects =
    [
        .. model.Resources.OfType<ProjectResource>().Where(p => runners.ContainsKey(p.Name))
            .GroupBy(p => Path.GetFullPath(p.Metadata.ProjectPath))
            .Select(g => (g.Key, ProjectSources.FoldersOf(g.Key), (IReadOnlyList<ProjectResource>)[.. g])),
    ];

    public async Task RunAsync(CancellationToken stopping)
    {
        OwnerOnly.CreateFolder(WatchFolder);
        var build = new WatchBuild(WatchFolder, _projects.Select(p => p.Project));
        var watchers = _projects.SelectMany(p => p.Folders).Distinct().Select(Watch).ToList();
        if (_projects.Count > 0)
        {
            _compiler = await CompilerServer.FindAsync(_projects[0].Project, $"parity-{Environment.ProcessId}-{Path.GetFileName(stateDirectory)}");
            _ = WarmUpWhenAllSettledAsync(build, stopping);
        }
        Console.Out.WriteLine($"Watching {_projects.Count} projects for changes.");
        try
        {
            while (await _changes.Reader.WaitToReadAsync(stopping))
            {
                var changed = new HashSet<string>(StringComparer.Ordinal);
                do
                {
                    while (_changes.Reader.TryRead(out var path))
                    {
                        changed.Add(path);
                    }
                    await Task.Delay(Settle, stopping); // an editor's save, a git checkout: one batch
                }
                while (_changes.Reader.TryPeek(out _));
                foreach (var (project, folders, resources) in _projects)
                {
                    if (changed.Where(c => ProjectSources.IsSourceIn(c, folders)).ToList() is { Count: > 0 } sources)
                    {
                        await BringInAsync(build, project, folders, resources, sources);
                    }
                }
            }
        }
        catch (OperationCanceledException)
        {
            // the run is stopping
        }
        finally
        {
            watchers.ForEach(w => w.Dispose());
            _compiler?.Stop();
        }
    }

    /// <summary>Once every resource is up (the warm-up must not slow the start), the compiler gets a first compile.</summary>
    private async Task WarmUpWhenAllSettledAsync(WatchBuild build, CancellationToken stopping)
    {
        try
        {
            while (!runners.Keys.All(name => run.Notifications.Get(name)?.IsSettled == true))
            {
                await Task.Delay(500, stopping);
            }
            if (_compiler is not null)
            {
                await WarmUpAsync(_compiler, build, Path.Combine(WatchFolder, "warm-up"));
            }
        }
        catch (OperationCanceledException)
        {
            // the run stopped first
        }
    }

    /// <summary>
    /// Has the compiler build a small project of its own in <paramref name="folder"/>, so that the first edit finds it
    /// loaded and compiled to native code, not starting cold.
    /// </summary>
    private static async Task WarmUpAsync(CompilerServer compiler, WatchBuild build, string folder)
    {
        Directory.CreateDirectory(folder);
        foreach (var file in (string[])["Directory.Build.props", "Directory.Build.targets", "Directory.Packages.props"])
        {
            await File.WriteAllTextAsync(Path.Combine(folder, file), "<Project />"); // nothing of the solution's above it
        }
        var project = Path.Combine(folder, "WarmUp.csproj");
        await File.WriteAllTextAsync(project,
            "<Project Sdk=\"Microsoft.NET.Sdk\"><PropertyGroup><TargetFramework>net10.0</TargetFramework><ImplicitUsings>enable</ImplicitUsings></PropertyGroup></Project>");
        await File.WriteAllTextAsync(Path.Combine(folder, "WarmUp.cs"),
            "public record Item(string Name, int Count);\npublic static class WarmUp { public static int Total(IEnumerable<Item> items) => items.Where(i => i.Count > 0).Sum(i => i.Count); }\n");
        await compiler.EnsureRunningAsync();
        await build.RunAsync(project, Path.Combine(folder, "bin") + Path.DirectorySeparatorChar, restore: true, buildReferences: true, compiler.BuildProperties);
    }

    private FileSystemWatcher Watch(string folder)
    {
        var watcher = new FileSystemWatcher(folder) { IncludeSubdirectories = true, NotifyFilter = NotifyFilters.FileName | NotifyFilters.LastWrite };
        watcher.Changed += (_, e) => _changes.Writer.TryWrite(e.FullPath);
        watcher.Created += (_, e) => _changes.Writer.TryWrite(e.FullPath);
        watcher.Deleted += (_, e) => _changes.Writer.TryWrite(e.FullPath);
        watcher.Renamed += (_, e) => _changes.Writer.TryWrite(e.FullPath);
        watcher.EnableRaisingEvents = true;
        return watcher;
    }

    /// <summary>Builds the project, then runs its run-once resources again and swaps its long-running ones.</summary>
    private async Task BringInAsync(
        WatchBuild build, string project, IReadOnlyList<string> folders, IReadOnlyList<ProjectResource> resources, IReadOnlyList<string> changed)
    {
        var names = string.Join(", ", changed.Select(Path.GetFileName).Distinct());
        Log(resources, $"watch: {names} changed; building {Path.GetFileName(project)}");
        var clock = Stopwatch.StartNew();
        var output = Path.Combine(WatchFolder, Path.GetFileNameWithoutExtension(project),
            Interlocked.Increment(ref _builds).ToString(CultureInfo.InvariantCulture)) + Path.DirectorySeparatorChar;
        var restore = changed.Any(c => Path.GetExtension(c) is ".csproj" or ".props" or ".targets");
        if (_compiler is not null)
        {
            await _compiler.EnsureRunningAsync();
        }
        var referencesChanged = changed.Any(c => ProjectSources.OwnerOf(c, folders) != folders[0]);
        var (exitCode, lines) = await build.RunAsync(project, output, restore, buildReferences: restore || referencesChanged, _compiler?.BuildProperties ?? []);
        if (exitCode != 0)
        {
            var errors = lines.Where(l => l.Contains("error", StringComparison.OrdinalIgnoreCase)).Distinct().ToList();
            Log(resources, $"watch: the build failed (exit code {exitCode}); the running processes keep serving", isError: true);
            foreach (var error in errors.Count > 0 ? errors : lines)
            {
                Log(resources, error, isError: true);
            }
            return;
        }
        run.Outputs.Use(project, Path.Combine(output, Path.GetFileName(await run.Outputs.ResolveAsync(resources[0]))));
        Log(resources, $"watch: built in {clock.Elapsed.TotalSeconds:0.0}s");

        foreach (var runOnce in resources.Where(r => LaunchDescription.IsRunOnce(r, model)))
        {
            if (await RunAgainAsync(runOnce) is { } failure)
            {
                Log(resources, $"watch: '{runOnce.Name}' {failure}; the others keep the code they run", isError: true);
                return;
            }
        }
        foreach (var resource in resources.Where(r => !LaunchDescription.IsRunOnce(r, model)))
        {
            await (runners[resource.Name] is ReplicaSet replicas ? replicas.SwapAsync() : runners[resource.Name].RestartAsync());
        }
        Log(resources, $"watch: the new code serves, {clock.Elapsed.TotalSeconds:0.0}s after the change was seen");
    }

    /// <summary>Null when the run-once resource ran again to exit code 0; else what happened.</summary>
    private async Task<string?> RunAgainAsync(ProjectResource resource)
    {
        var since = DateTimeOffset.UtcNow;
        await runners[resource.Name].RestartAsync();
        var ended = await run.Notifications.WaitForResourceAsync(resource.Name,
            s => s.State == ResourceState.FailedToStart || (s.StartedAt >= since && s.State is ResourceState.Finished or ResourceState.Exited), CancellationToken.None);
        return ended.State == ResourceState.Finished ? null : $"ended {ended.State}{(ended.ExitCode is { } code ? $" with exit code {code}" : "")}";
    }

    private void Log(IEnumerable<ProjectResource> resources, string message, bool isError = false)
    {
        foreach (var resource in resources)
        {
            run.Logs.Write(new LogLine(resource.Name, null, DateTimeOffset.UtcNow, $"[parity] {message}", isError));
        }
    }
}
