using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using Parity.Hosting.ApplicationModel;

namespace Parity.Hosting.Orchestration;

/// <summary>
/// Where each backing service keeps its data during a run: its data volume under the state folder (persistent),
/// a folder beside its record when the service itself is persistent, or a fresh temporary folder deleted at stop. Each
/// is owner-only (0700). A service that runs as another user (PostgreSQL when the AppHost runs as root) is given its
/// folder, and the folders on the way to it let that user through (see <see cref="StateFolder"/>); when the folders
/// above the state folder do not, its kept data lives under /var/lib/parity/&lt;hash of the state folder&gt; instead.
/// </summary>
internal sealed class DataDirectories(OrchestratorSettings settings)
{
    private const string SharedRoot = "/var/lib/parity";

    private readonly List<string> _temporary = [];

    /// <summary>The user the resource's server runs as: its own, when the AppHost runs as root and the server refuses root.</summary>
    public static string? RunAsUserOf(IResource resource) =>
        Environment.UserName == "root" && resource.TryGetLastAnnotation<RunAsUserAnnotation>(out var runAs) ? runAs.User : null;

    /// <summary>
    /// The folders, top-down, that must let another user through to the kept data folders this run gives to servers
    /// that run as that user: the state folder and the one below it, or /var/lib/parity and the AppHost's folder there.
    /// </summary>
    public IReadOnlyList<string> WaysThrough(IEnumerable<IResource> resources, Func<IResource, bool> outlivesRun) =>
        [.. resources.Where(r => RunAsUserOf(r) is not null)
            .Select(r => KeptFolder(r, runsAsAnotherUser: true, outlivesRun(r)))
            .OfType<string>()
            .SelectMany(WayTo)
            .Distinct()
            .Order(StringComparer.Ordinal)];

    /// <param name="outlivesRun">The resource is persistent: without a data volume its data lives beside its record, not in a temporary folder.</param>
    public (string Path, bool IsPersistent) Prepare(IResource resource, string? runAsUser, bool outlivesRun)
    {
        var kept = KeptFolder(resource, runAsUser is not null, outlivesRun);
        var path = kept ?? Directory.CreateTempSubdirectory($"parity-{resource.Name}-").FullName; // owner-only, as mkdtemp makes it
        if (kept is null)
        {
            lock (_temporary)
            {
                _temporary.Add(path);
            }
        }
        else
        {
            OwnerOnly.CreateFolder(path);
            OwnerOnly.Restrict(path);
        }
        if (runAsUser is not null && !OperatingSystem.IsWindows())
        {
            GiveTo(path, runAsUser);
        }
        return (path, kept is not null);
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
            using var written = new StreamWriter(OwnerOnly.CreateFile(file));
            written.Write(fingerprint);
            return;
        }
        OwnerOnly.Restrict(file);
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

    /// <summary>The folder that keeps the resource's data across runs; null when its data lives for this run only.</summary>
    private string? KeptFolder(IResource resource, bool runsAsAnotherUser, bool outlivesRun)
    {
        var volume = resource.AnnotationsOf<VolumeAnnotation>().FirstOrDefault();
        if (volume is null && !outlivesRun)
        {
            return null;
        }
        var path = volume is null
            ? PersistentRecord.OwnDataFolder(settings.StateDirectory, resource.Name)
            : Path.Combine(settings.StateDirectory, "volumes", volume.Name);
        if (runsAsAnotherUser && !CanBePassedByOthers(Path.GetDirectoryName(settings.StateDirectory)))
        {
            var stateHash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(settings.StateDirectory)))[..12];
            path = Path.Combine(SharedRoot, stateHash, Path.GetFileName(path));
        }
        return path;
    }

    /// <summary>The folders from the state folder (or /var/lib/parity) down to the one that holds <paramref name="keptFolder"/>.</summary>
    private IEnumerable<string> WayTo(string keptFolder)
    {
        var top = keptFolder.StartsWith(SharedRoot + "/", StringComparison.Ordinal) ? SharedRoot : settings.StateDirectory;
        for (var folder = Path.GetDirectoryName(keptFolder); folder is not null && folder.StartsWith(top, StringComparison.Ordinal); folder = Path.GetDirectoryName(folder))
        {
            yield return folder;
        }
    }

    private static bool CanBePassedByOthers(string? path)
    {
        for (var dir = path is null ? null : new DirectoryInfo(path); dir is not null; dir = dir.Parent)
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
        File.SetUnixFileMode(path, OwnerOnly.FolderMode);
    }
}
