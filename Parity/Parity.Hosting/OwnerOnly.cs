namespace Parity;

/// <summary>
/// Files only their owner can read or write (0600) and folders only their owner can enter (0700), for what holds
/// secrets, keys, telemetry or a service's data. Compiled into each assembly that writes to the state folder (the
/// engine, the dashboard, the CLI, the RabbitMQ launcher), so they all create such files one way.
/// </summary>
internal static class OwnerOnly
{
    public const UnixFileMode FileMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    public const UnixFileMode FolderMode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;

    private const UnixFileMode GroupAndOthers = (UnixFileMode)0b000_111_111;

    /// <summary>A new, empty file, its folder created owner-only when missing. One that exists is replaced: it would keep its mode.</summary>
    public static FileStream CreateFile(string path)
    {
        CreateFolder(Path.GetDirectoryName(Path.GetFullPath(path))!);
        File.Delete(path);
        return new FileStream(path, OperatingSystem.IsWindows()
            ? new FileStreamOptions { Mode = System.IO.FileMode.CreateNew, Access = FileAccess.Write }
            : new FileStreamOptions { Mode = System.IO.FileMode.CreateNew, Access = FileAccess.Write, UnixCreateMode = FileMode });
    }

    /// <summary>Writes the file whole: into a new owner-only file beside it, then moved over it, so readers never see half of it.</summary>
    public static void Replace(string path, Action<Stream> write)
    {
        var temporary = path + ".tmp";
        using (var file = CreateFile(temporary))
        {
            write(file);
        }
        File.Move(temporary, path, overwrite: true);
    }

    /// <summary>Creates the folder and any missing parent owner-only; one that exists keeps its mode.</summary>
    public static void CreateFolder(string path)
    {
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(path);
        }
        else
        {
            Directory.CreateDirectory(path, FolderMode);
        }
    }

    /// <summary>Takes from group and others whatever they may do with an existing file or folder (one an earlier version left open).</summary>
    public static void Restrict(string path)
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }
        var mode = File.GetUnixFileMode(path);
        if ((mode & GroupAndOthers) != 0)
        {
            File.SetUnixFileMode(path, mode & ~GroupAndOthers);
        }
    }
}
