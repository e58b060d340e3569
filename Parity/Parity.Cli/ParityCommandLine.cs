using System.CommandLine;

namespace Parity.Cli;

/// <summary>The <c>parity</c> commands, their options, and the AppHost each one works on.</summary>
internal static class ParityCommandLine
{
    private static readonly Option<string?> ProjectOption = new("--project")
    {
        Description = "The AppHost project (.csproj, or its folder); found in the current folder by default",
        Recursive = true,
    };

    private static readonly Option<string?> StateDirOption = new("--state-dir")
    {
        Description = "The AppHost's state folder (run.json); <project folder>/.parity by default",
        Recursive = true,
    };

    public static RootCommand Create()
    {
        var root = new RootCommand("Runs a Parity AppHost and works with the running one.") { ProjectOption, StateDirOption };
        root.Add(AppHostCommands.Run());
        root.Add(AppHostCommands.Start());
        root.Add(AppHostCommands.Ps());
        root.Add(AppHostCommands.Stop());
        root.Add(ResourceCommands.Logs());
        root.Add(ResourceCommands.Describe());
        root.Add(ResourceCommands.Resource());
        root.Add(VerbCommands.Forward("publish", "publish", "Publishes aspire-manifest.json, the Kubernetes manifests and the Compose file (the AppHost's publish verb)"));
        root.Add(VerbCommands.Forward("deploy", "deploy", "Builds images and applies an overlay, or an ephemeral environment with --ephemeral (the AppHost's deploy verb)"));
        root.Add(VerbCommands.Forward("destroy", "destroy", "Deletes an ephemeral environment: destroy --ephemeral NAME (the AppHost's destroy verb)"));
        root.Add(VerbCommands.Forward("check", "parity", "Checks parity between the local run and a cluster overlay (the AppHost's parity verb)"));
        root.Add(VerbCommands.Forward("policy", "policy", "Checks every rendered overlay against the policy rules (the AppHost's policy verb)"));
        root.Add(VerbCommands.Forward("promote", "promote", "Moves a blue/green or canary release forward in an overlay's namespace (the AppHost's promote verb)"));
        root.Add(VerbCommands.Forward("rollback", "rollback", "Moves a blue/green or canary release back in an overlay's namespace (the AppHost's rollback verb)"));
        root.Add(VerbCommands.Doctor());
        return root;
    }

    /// <summary>The AppHost the command works on, from --project / --state-dir or the current folder.</summary>
    public static AppHostProject AppHostOf(ParseResult parseResult)
    {
        var projectPath = AppHostLocator.Find(Directory.GetCurrentDirectory(), parseResult.GetValue(ProjectOption));
        var stateDirectory = parseResult.GetValue(StateDirOption) is { } stateDir
            ? Path.GetFullPath(stateDir)
            : Path.Combine(Path.GetDirectoryName(projectPath)!, AppHostProject.StateFolderName);
        return new AppHostProject(projectPath, stateDirectory);
    }

    /// <summary>An action whose <see cref="CliException"/> becomes its message and exit code.</summary>
    public static Func<ParseResult, CancellationToken, Task<int>> Handled(Func<ParseResult, CancellationToken, Task<int>> action) =>
        async (parseResult, token) =>
        {
            try
            {
                return await action(parseResult, token);
            }
            catch (CliException e)
            {
                Console.Error.WriteLine(e.Message);
                return e.ExitCode;
            }
        };

    /// <summary>Tokens for the AppHost: everything the CLI did not recognize, in the order given (including after --).</summary>
    public static IReadOnlyList<string> ForwardedTokens(ParseResult parseResult) => [.. parseResult.UnmatchedTokens];
}
