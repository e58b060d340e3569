using System.Collections.Concurrent;
using System.Diagnostics;
using System.Runtime.InteropServices;
using System.Security.Cryptography;
using System.Text;
using Parity.Hosting.ApplicationModel;

namespace Parity.Hosting.Orchestration;

/// <summary>
/// Native code for the .NET apps a local run starts as <c>dotnet app.dll</c> (projects, the dashboard). Once the run has
/// started no uncompiled build for a few seconds, each one that ran is compiled ahead of time (ReadyToRun) in the
/// background, at the lowest priority, into a copy kept in the state folder; the next start of the same build runs from
/// that copy and skips most of its just-in-time compilation, much of a .NET service's start-up. A compiled assembly is
/// kept by its content, so apps sharing a package, and builds that did not change an assembly, compile it once.
/// </summary>
internal sealed partial class ReadyToRunCache(string root, Crossgen2 crossgen2, ResourceLoggerService logs, bool announce)
{
    /// <summary>How long no uncompiled build may have started before compiling begins: a run's start-up, or a swap, is over.</summary>
    private static readonly TimeSpan Quiet = TimeSpan.FromSeconds(5);

    // Each compiled copy lists the build folder it copies and the kept assemblies it links.
    private const string ManifestName = ".ready-to-run";
    private const string BuildLine = "build ";
    private const string AssemblyLine = "assembly ";
    private readonly ConcurrentDictionary<string, ConcurrentDictionary<string, byte>> _pending = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim _started = new(0);

    private string Apps => Path.Combine(root, "apps");

    private string Assemblies => Path.Combine(root, "assemblies");

    /// <summary>
    /// Null when turned off (options, or a debugger on the AppHost, which wants the builds' own code) or crossgen2 is
    /// missing. Called before the run starts anything.
    /// </summary>
    public static ReadyToRunCache? Create(DistributedApplicationOptions options, string stateDirectory, ResourceLoggerService logs)
    {
        if (!options.ReadyToRun || Debugger.IsAttached || Crossgen2.Find(Crossgen2.NuGetPackagesFolder) is not { } crossgen2)
        {
            return null;
        }
        var cache = new ReadyToRunCache(Path.Combine(stateDirectory, "ready-to-run"), crossgen2, logs, announce: options.PrintResourceOutput);
        cache.RemoveStaleCopies();
        return cache;
    }

    /// <summary>The spec, started from the compiled copy of its app's build when there is one; else as it is, and the build is queued.</summary>
    public ProcessSpec Apply(ProcessSpec spec, string resource)
    {
        if (Path.GetFileNameWithoutExtension(spec.FileName) != "dotnet" || spec.Args is not [var dll, ..]
            || !dll.EndsWith(".dll", StringComparison.OrdinalIgnoreCase) || !File.Exists(dll))
        {
            return spec;
        }
        var compiled = Path.Combine(CompiledFolder(dll, Fingerprint(Path.GetDirectoryName(dll)!)), Path.GetFileName(dll));
        if (File.Exists(compiled))
        {
            Log(resource, "starting from the native code compiled for this build");
            return spec with { Args = [compiled, .. spec.Args.Skip(1)] };
        }
        _pending.GetOrAdd(dll, _ => new(StringComparer.OrdinalIgnoreCase))[resource] = 0;
        _started.Release();
        return spec;
    }

    /// <summary>Compiles the queued builds whenever the run has been quiet; ends with the run.</summary>
    public async Task CompileInBackgroundAsync(CancellationToken stopping)
    {
        try
        {
            while (true)
            {
                await _started.WaitAsync(stopping);
                while (await _started.WaitAsync(Quiet, stopping))
                {
                    // another start: wait for quiet again
                }
                var (clock, builds) = (Stopwatch.StartNew(), 0);
                foreach (var dll in _pending.Keys)
                {
                    if (_pending.TryRemove(dll, out var resources) && await CompileReportingFailureAsync(dll, [.. resources.Keys], stopping))
                    {
                        builds++;
                    }
                }
                if (builds > 0)
                {
                    RemoveUnusedAssemblies();
                    if (announce)
                    {
                        Console.Out.WriteLine($"Compiled {builds} builds to native code in {clock.Elapsed.TotalSeconds:0.0}s: their next start runs it.");
                    }
                }
            }
        }
        catch (OperationCanceledException)
        {
            // the run is stopping; an unfinished copy is left under a temporary name, removed when the next run starts
        }
    }

    /// <summary>Whether a compiled copy was made.</summary>
    private async Task<bool> CompileReportingFailureAsync(string dll, IReadOnlyList<string> resources, CancellationToken stopping)
    {
        try
        {
            return await CompileAsync(dll, resources, stopping);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            foreach (var resource in resources)
            {
                Log(resource, $"not compiled: {e.Message}");
            }
            return false;
        }
    }

    private async Task<bool> CompileAsync(string dll, IReadOnlyList<string> resources, CancellationToken stopping)
    {
        var build = Path.GetDirectoryName(dll)!;
        var fingerprint = Fingerprint(build);
        var target = CompiledFolder(dll, fingerprint);
        if (Directory.Exists(target) || !Crossgen2.Targets(dll))
        {
            return false;
        }
        var clock = Stopwatch.StartNew();
        var copy = $"{target}.tmp";
        if (Directory.Exists(copy))
        {
            Directory.Delete(copy, recursive: true); // an attempt of this run that failed
        }
        var (compiled, reused, failed) = (0, 0, new List<string>());
        var manifest = new StringBuilder().Append(BuildLine).AppendLine(build);
        foreach (var file in Directory.EnumerateFiles(build, "*", SearchOption.AllDirectories))
        {
            var destination = Path.Combine(copy, Path.GetRelativePath(build, file));
            OwnerOnly.CreateFolder(Path.GetDirectoryName(destination)!);
            if (Path.GetDirectoryName(file) == build && file.EndsWith(".dll", StringComparison.OrdinalIgnoreCase) && Crossgen2.IsIlOnly(file))
            {
                var (stored, wasKept, error) = await CompiledAsync(file, stopping);
                if (stored is not null)
                {
                    Link(stored, destination);
                    manifest.Append(AssemblyLine).AppendLine(Path.GetFileName(stored));
                    (compiled, reused) = (compiled + 1, reused + (wasKept ? 1 : 0));
                    continue;
                }
                failed.Add($"{Path.GetFileName(file)}: {error}");
            }
            File.Copy(file, destination);
        }
        File.WriteAllText(Path.Combine(copy, ManifestName), manifest.ToString());
        if (Fingerprint(build) != fingerprint)
        {
            Directory.Delete(copy, recursive: true); // rebuilt meanwhile: the copy may mix two builds
            return false;
        }
        Directory.Move(copy, target);
        foreach (var resource in resources)
        {
            Log(resource, $"{compiled} assemblies in native code ({reused} compiled for earlier builds) after {clock.Elapsed.TotalSeconds:0.0}s, for the next start of this build");
            foreach (var failure in failed)
            {
                Log(resource, $"left to the just-in-time compiler: {failure}");
            }
        }
        return true;
    }

    /// <summary>The compiled assembly kept for this content (and whether it was), compiled now if there is none; or what crossgen2 said.</summary>
    private async Task<(string? Stored, bool WasKept, string? Error)> CompiledAsync(string input, CancellationToken stopping)
    {
        using var stream = File.OpenRead(input);
        var stored = Path.Combine(Assemblies, $"{Path.GetFileNameWithoutExtension(input)}-{Convert.ToHexStringLower(await SHA256.HashDataAsync(stream, stopping))[..16]}.dll");
        if (File.Exists(stored))
        {
            return (stored, true, null);
        }
        OwnerOnly.CreateFolder(Assemblies);
        var compiling = stored + ".tmp";
        if (await crossgen2.CompileAsync(input, compiling, stopping) is { } error)
        {
            File.Delete(compiling);
            return (null, false, error);
        }
        File.Move(compiling, stored, overwrite: true);
        return (stored, false, null);
    }

    /// <summary>
    /// Removes the compiled copies of builds that changed or are gone, and unfinished ones. Only before a run starts
    /// anything: a running process may still load assemblies from its copy.
    /// </summary>
    private void RemoveStaleCopies()
    {
        foreach (var copy in Directory.Exists(Apps) ? Directory.GetDirectories(Apps).SelectMany(Directory.GetDirectories) : [])
        {
            var manifest = Path.Combine(copy, ManifestName);
            var lines = File.Exists(manifest) ? File.ReadAllLines(manifest) : [];
            var build = lines.FirstOrDefault(l => l.StartsWith(BuildLine, StringComparison.Ordinal))?[BuildLine.Length..];
            if (build is null || !Directory.Exists(build) || Path.GetFileName(copy) != Fingerprint(build))
            {
                Directory.Delete(copy, recursive: true);
            }
        }
        foreach (var app in Directory.Exists(Apps) ? Directory.GetDirectories(Apps).Where(a => !Directory.EnumerateFileSystemEntries(a).Any()) : [])
        {
            Directory.Delete(app);
        }
    }

    /// <summary>
    /// Removes the kept assemblies no copy lists, once this run's builds have taken what they reuse: a copy holds its
    /// own links, so removing a kept file never takes one from a running process.
    /// </summary>
    private void RemoveUnusedAssemblies()
    {
        if (!Directory.Exists(Assemblies))
        {
            return; // the builds compiled had nothing left to compile
        }
        var used = Directory.GetDirectories(Apps).SelectMany(Directory.GetDirectories)
            .Select(copy => Path.Combine(copy, ManifestName)).Where(File.Exists).SelectMany(File.ReadAllLines)
            .Where(l => l.StartsWith(AssemblyLine, StringComparison.Ordinal)).Select(l => l[AssemblyLine.Length..]).ToHashSet(StringComparer.Ordinal);
        foreach (var stored in Directory.GetFiles(Assemblies).Where(f => !used.Contains(Path.GetFileName(f))))
        {
            File.Delete(stored);
        }
    }

    /// <summary>
    /// Where the compiled copy of <paramref name="dll"/>'s build with this fingerprint is kept: per build folder (a
    /// project's bin, and each build of watch mode), the latest from the run's start on.
    /// </summary>
    private string CompiledFolder(string dll, string fingerprint) => Path.Combine(Apps,
        $"{Path.GetFileNameWithoutExtension(dll)}-{Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Path.GetDirectoryName(dll)!)))[..8]}", fingerprint);

    /// <summary>What identifies a build: every file's path, size and time of writing.</summary>
    private static string Fingerprint(string build) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(BuildStamp.Append(new StringBuilder(), build, "*", SearchOption.AllDirectories).ToString())))[..16];

    /// <summary>A hard link to the kept assembly (which is never written again), or a copy where links are not possible.</summary>
    private static void Link(string stored, string destination)
    {
        if (OperatingSystem.IsWindows() || HardLink(stored, destination) != 0)
        {
            File.Copy(stored, destination);
        }
    }

    private void Log(string resource, string text) =>
        logs.Write(new LogLine(resource, null, DateTimeOffset.UtcNow, $"[parity] ready-to-run: {text}", IsError: false));

    [LibraryImport("libc", EntryPoint = "link", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    private static partial int HardLink(string existing, string created);
}
