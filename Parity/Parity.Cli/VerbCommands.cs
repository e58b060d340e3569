using System.CommandLine;

namespace Parity.Cli;

/// <summary>The commands that hand over to the AppHost's own verbs (publish, deploy, destroy, parity, policy, doctor).</summary>
internal static class VerbCommands
{
    /// <summary>A command whose arguments all go, untouched, to the AppHost's verb; the verb's exit code is the command's.</summary>
    public static Command Forward(string name, string appHostVerb, string description)
    {
        var command = new Command(name, description + "; every argument goes to the AppHost") { TreatUnmatchedTokensAsErrors = false };
        command.SetAction(ParityCommandLine.Handled((parseResult, _) =>
        {
            var project = ParityCommandLine.AppHostOf(parseResult);
            return ChildProcess.RunAttachedAsync(DotnetCommands.Dotnet,
                DotnetCommands.Run(project, [appHostVerb, .. ParityCommandLine.ForwardedTokens(parseResult)]));
        }));
        return command;
    }

    public static Command Doctor()
    {
        var fix = new Option<bool>("--fix") { Description = "Install the missing packages (apt-get, through sudo when not root)" };
        var command = new Command("doctor", "Lists the programs a run of the AppHost needs and this machine lacks; arguments after -- go to the AppHost")
        {
            fix,
        };
        command.TreatUnmatchedTokensAsErrors = false;
        command.SetAction(ParityCommandLine.Handled((parseResult, token) => Cli.Doctor.RunAsync(
            ParityCommandLine.AppHostOf(parseResult), ParityCommandLine.ForwardedTokens(parseResult), parseResult.GetValue(fix), token)));
        return command;
    }
}
