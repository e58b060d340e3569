using Parity.Hosting.ApplicationModel;

namespace Parity.Hosting;

/// <summary>
/// The shell npm runs a local app's script with. npm starts the script as a child of its own, which the kernel would
/// not kill with npm when the AppHost is SIGKILLed; this shell ties the script's process to npm's life the way the
/// engine ties npm to the AppHost's (<c>setpriv --pdeathsig</c>), and bash runs a single command in place.
/// </summary>
internal static class NpmScriptShell
{
    private const string Script = """
        #!/bin/sh
        exec setpriv --pdeathsig KILL -- bash "$@"

        """;

    /// <summary>Puts <c>--script-shell</c> first among npm's arguments, for the local run only, where setpriv and bash exist.</summary>
    public static void AddForLocalRun(CommandLineArgsCallbackContext context)
    {
        if (context.Target == EnvironmentTarget.Local && !OperatingSystem.IsWindows()
            && ExecutableLocator.Find("setpriv") is not null && ExecutableLocator.Find("bash") is not null)
        {
            context.Args.Insert(0, $"--script-shell={EnsureWritten()}");
        }
    }

    // Beside the AppHost's own files, which only its user can change.
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    private static string EnsureWritten()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "parity", "npm-script-shell");
        if (!File.Exists(path) || File.ReadAllText(path) != Script)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, Script);
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute
                | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute);
        }
        return path;
    }
}
