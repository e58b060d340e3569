namespace Parity.Cli;

/// <summary>The <c>dotnet</c> command lines the CLI runs for an AppHost.</summary>
internal static class DotnetCommands
{
    public const string Dotnet = "dotnet";

    /// <summary><c>dotnet run --project P [--no-build] -- args</c>: the AppHost with its own launch settings.</summary>
    public static IReadOnlyList<string> Run(AppHostProject project, IEnumerable<string> appHostArguments, bool noBuild = false) =>
        ["run", "--project", project.ProjectPath, .. noBuild ? (string[])["--no-build"] : [], "--", .. appHostArguments];

    public static IReadOnlyList<string> Build(AppHostProject project) => ["build", project.ProjectPath, "-nologo", "-v:quiet", "-clp:ErrorsOnly;NoSummary"];

    /// <summary>Builds the AppHost with its errors shown; fails when the build does.</summary>
    public static async Task BuildAsync(AppHostProject project)
    {
        Console.WriteLine($"Building {Path.GetFileName(project.ProjectPath)}...");
        var exitCode = await ChildProcess.RunAttachedAsync(Dotnet, Build(project));
        if (exitCode != 0)
        {
            throw new CliException($"The AppHost did not build (dotnet build exit code {exitCode}).");
        }
    }
}
