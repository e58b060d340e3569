namespace Parity.Hosting;

/// <summary>
/// Creates the AppHost's state folder as its owner's alone (0700): it holds generated secrets and the resource
/// service's key. A folder that exists keeps its mode: tests and the testing builder open theirs on purpose, so that a
/// backing service running as another user reaches its volume there.
/// </summary>
internal static class PrivateDirectory
{
    public static void Create(string directory)
    {
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(directory);
        }
        else if (!Directory.Exists(directory))
        {
            Directory.CreateDirectory(directory, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
    }
}
