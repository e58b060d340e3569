namespace Parity.Hosting.Kubernetes;

/// <summary>A verb cannot start (a missing tool, overlay or secrets file); the AppHost exits with code 2 before doing anything.</summary>
internal sealed class PreconditionFailedException(string message) : Exception(message)
{
    public const int ExitCode = 2;

    /// <summary>Runs a verb: a failed precondition is printed and becomes <see cref="ExitCode"/>.</summary>
    public static int ExitCodeOf(Func<int> verb)
    {
        try
        {
            return verb();
        }
        catch (PreconditionFailedException e)
        {
            Console.Error.WriteLine(e.Message);
            return ExitCode;
        }
    }
}
