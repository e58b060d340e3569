namespace Parity.Cli;

/// <summary>An AppHost project, and the state folder where its run.json is written.</summary>
internal sealed record AppHostProject(string ProjectPath, string StateDirectory)
{
    public const string StateFolderName = ".parity";

    public string Directory => Path.GetDirectoryName(ProjectPath)!;

    public string RunFile => Path.Combine(StateDirectory, "run.json");

    public string LogFile => Path.Combine(StateDirectory, "apphost.log");

    /// <summary>Whether the state folder was moved (the AppHost must then be told where it is).</summary>
    public bool HasMovedState => !string.Equals(
        Path.GetFullPath(StateDirectory), Path.GetFullPath(Path.Combine(Directory, StateFolderName)), StringComparison.Ordinal);

    /// <summary>What the AppHost is given so that it keeps its state where the CLI looks for it.</summary>
    public IReadOnlyList<string> StateArguments => HasMovedState ? [$"--Parity:StateDirectory={StateDirectory}"] : [];
}
