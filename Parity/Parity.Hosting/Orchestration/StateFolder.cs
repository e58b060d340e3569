namespace Parity.Hosting.Orchestration;

/// <summary>
/// The AppHost's state folder is its user's alone (0700): it holds run.json (the resource service's key), generated
/// secrets, the dashboard's telemetry and the services' data. The exception is a server that runs as another user
/// (PostgreSQL, when the AppHost runs as root) and keeps its data there: it owns its data folder, and the folders on the
/// way to it are opened to search only (0711). Anyone may pass through them, as it must, but only their owner may list
/// them, and all they hold is owner-only, so knowing a name gives nothing away.
/// </summary>
internal static class StateFolder
{
    private const UnixFileMode SearchOnlyForOthers = OwnerOnly.FolderMode | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute;

    /// <summary>
    /// Creates the folder, or takes back what group and others may do in it and with its entries (an earlier version
    /// or a test may have left them open); then opens <paramref name="waysThrough"/>, top-down, to search only.
    /// </summary>
    public static void Secure(string path, IReadOnlyList<string> waysThrough)
    {
        OwnerOnly.CreateFolder(path);
        if (OperatingSystem.IsWindows())
        {
            return;
        }
        File.SetUnixFileMode(path, OwnerOnly.FolderMode);
        foreach (var entry in Directory.EnumerateFileSystemEntries(path).Where(e => !waysThrough.Contains(e)))
        {
            OwnerOnly.Restrict(entry);
        }
        foreach (var folder in waysThrough)
        {
            OwnerOnly.CreateFolder(folder);
            File.SetUnixFileMode(folder, SearchOnlyForOthers);
        }
    }
}
