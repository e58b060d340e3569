using System.Collections.Concurrent;
using Parity.Hosting.ApplicationModel;

namespace Parity.Hosting.Orchestration;

/// <summary>Runs a resource's <see cref="LocalSetupAnnotation"/> commands before it starts; its output goes to the resource's console.</summary>
internal static class LocalSetup
{
    // Replicas (and resources sharing a folder) must not install into one folder at once.
    private static readonly ConcurrentDictionary<string, SemaphoreSlim> FolderLocks = new(StringComparer.Ordinal);

    public static async Task RunAsync(IResource resource, Action<string, bool> onLine)
    {
        foreach (var setup in resource.AnnotationsOf<LocalSetupAnnotation>())
        {
            var gate = FolderLocks.GetOrAdd(setup.WorkingDirectory, _ => new SemaphoreSlim(1, 1));
            await gate.WaitAsync();
            try
            {
                if (setup.SkipWhenExists is { } marker && (File.Exists(marker) || Directory.Exists(marker)))
                {
                    continue;
                }
                var command = $"{setup.Command} {string.Join(' ', setup.Args)}";
                onLine($"[parity] {command}", false);
                var spec = new ProcessSpec(
                    ExecutableLocator.Find(setup.Command, setup.WorkingDirectory) ?? setup.Command, setup.Args, setup.WorkingDirectory,
                    new Dictionary<string, string>());
                using var process = await ProcessStarter.StartAsync(spec, onLine);
                await ProcessStarter.WaitForExitAsync(process);
                if (process.ExitCode != 0)
                {
                    throw new DistributedApplicationException(
                        $"'{command}' in {setup.WorkingDirectory} exited with code {process.ExitCode}; its output is in the console log of '{resource.Name}'.");
                }
            }
            finally
            {
                gate.Release();
            }
        }
    }
}
