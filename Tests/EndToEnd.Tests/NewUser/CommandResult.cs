namespace EndToEnd.Tests.NewUser;

internal sealed record CommandResult(string Command, int ExitCode, string Output, string Error)
{
    public override string ToString() => $"{Command} exited with {ExitCode}:\n{Output}\n{Error}";
}
