namespace Parity.Cli;

/// <summary>A failure the user can act on: its message is printed alone, without a stack trace.</summary>
internal sealed class CliException(string message, int exitCode = 1) : Exception(message)
{
    public int ExitCode { get; } = exitCode;
}
