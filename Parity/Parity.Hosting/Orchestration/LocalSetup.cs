using System.Security.Cryptography;
using System.Text;
using Parity.Hosting.ApplicationModel;

namespace Parity.Hosting.Orchestration;

/// <summary>Runs a resource's <see cref="LocalSetupAnnotation"/> commands before it starts; its output goes to the resource's console.</summary>
internal static class LocalSetup
{
    public static async Task RunAsync(IResource resource, Action<string, bool> onLine)
    {
        foreach (var setup in resource.AnnotationsOf<LocalSetupAnnotation>())
        {
            // Replicas, resources sharing a folder and other AppHosts must not install into one folder at once: the
            // second would find the first's half-filled folder and take it as installed.
            await using var folderLock = await LockFolderAsync(setup.WorkingDirectory);
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
    }

    /// <summary>
    /// Holds an exclusive lock on the file <see cref="LockPathOf"/> names until disposed; .NET takes it with <c>flock</c>,
    /// which excludes every other open of the file, in this process or another, and the kernel releases it when a holder dies.
    /// </summary>
    private static async Task<FileStream> LockFolderAsync(string folder)
    {
        var path = LockPathOf(folder);
        var deadline = DateTime.UtcNow + TimeSpan.FromMinutes(10);
        while (true)
        {
            try
            {
                return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            catch (IOException) when (DateTime.UtcNow < deadline)
            {
                await Task.Delay(200); // another run is installing there
            }
        }
    }

    internal static string LockPathOf(string folder)
    {
        var name = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(Path.GetFullPath(folder))))[..16];
        return Path.Combine(Path.GetTempPath(), $"parity-{Environment.UserName}-setup-{name}.lock");
    }
}
