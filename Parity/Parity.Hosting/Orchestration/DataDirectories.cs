using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using Parity.Hosting.ApplicationModel;

namespace Parity.Hosting.Orchestration;

/// <summary>
/// Where each backing service keeps its data during a run: its data volume under the state folder (persistent),
/// a folder beside its record when the service itself is persistent, or a fresh temporary folder deleted at stop. A service that runs as another user (PostgreSQL as root) must be
/// able to reach its folder; when the state folder is not reachable, volumes live under /var/lib/parity/&lt;hash of it&gt;.
/// </summary>
internal sealed class DataDirectories(OrchestratorSettings settings)
{
    private readonly List<string> _temporary = [];

    /// <param name="outlivesRun">The resource is persistent: without a data volume its data lives beside its record, not in a temporary folder.</param>
    public (string Path, bool IsPersistent) Prepare(IResource resource, string? runAsUser, bool outlivesRun)
    {
        var volume = resource.AnnotationsOf<VolumeAnnotation>().FirstOrDefault();
        string path;
        if (volume is null && !outlivesRun)
        {
            path = Directory.CreateTempSubdirectory($"parity-{resource.Name}-").FullName;
            lock (_temporary)
            {
                _temporary.Add(path);
            }
        }
        else
        {
            path = volume is null
                ? PersistentRecord.OwnDataFolder(settings.StateDirectory, resource.Name)
                : Path.Combine(settings.StateDirectory, "volumes", volume.Name);
            if (runAsUser is not null && !IsReachableByOthers(settings.StateDirectory))
            {
                var stateHash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(settings.StateDirectory)))[..12];
                path = Path.Combine("/var/lib/parity", stateHash, Path.GetFileName(path));
            }
            Directory.CreateDirectory(path);
        }
        if (runAsUser is not null && !OperatingSystem.IsWindows())
        {
            GiveTo(path, runAsUser);
        }
        return (path, volume is not null || outlivesRun);
    }

    /// <summary>
    /// A persistent volume keeps the credentials it was created with: starting it with other ones would fail later
    /// and obscurely, so the check happens here, with the fix in the message.
    /// </summary>
    public static void CheckCredentials(IResource resource, string dataPath, IExpressionRenderer renderer)
    {
        if (resource is not IResourceWithConnectionString withConnection)
        {
            return;
        }
        var secrets = withConnection.ConnectionStringExpression.ValueProviders.OfType<ParameterResource>().Where(p => p.Secret).ToList();
        var fingerprint = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join("\n", secrets.Select(renderer.Parameter)))));
        var file = dataPath.TrimEnd('/') + ".credentials";
        if (!File.Exists(file))
        {
            File.WriteAllText(file, fingerprint);
            return;
        }
        if (File.ReadAllText(file).Trim() != fingerprint)
        {
            var names = string.Join(", ", secrets.Select(s => $"'{s.ConfigurationKey}'"));
            throw new DistributedApplicationException(
                $"The data volume of '{resource.Name}' ({dataPath}) was created with another password. " +
                $"Set {names} back to the value it was created with, or delete that folder to start afresh.");
        }
    }

    /// <summary>Deletes the temporary folders of this run.</summary>
    public void DeleteTemporary()
    {
        lock (_temporary)
        {
            foreach (var path in _temporary.Where(Directory.Exists))
            {
                Directory.Delete(path, recursive: true);
            }
            _temporary.Clear();
        }
    }

    private static bool IsReachableByOthers(string path)
    {
        for (var dir = new DirectoryInfo(path); dir is not null; dir = dir.Parent)
        {
            if (dir.Exists && !dir.UnixFileMode.HasFlag(UnixFileMode.OtherExecute))
            {
                return false;
            }
        }
        return true;
    }

    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    private static void GiveTo(string path, string user)
    {
        using var chown = Process.Start("chown", ["-R", $"{user}:", path])!;
        chown.WaitForExit();
        if (chown.ExitCode != 0)
        {
            throw new DistributedApplicationException($"Could not give '{path}' to user '{user}' (chown exit code {chown.ExitCode}).");
        }
        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
    }
}
